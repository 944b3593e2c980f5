// The Groundwork pack: its name and every policy in the order handed to `PolicyPack`, importable without
// starting the CrossGuard server (policy/index.ts does that). The offline engine, the tests and the
// catalogue generator load this module. Adding a cloud: a folder under rules/ and a line in `policies`.
import { GroundworkPolicy, WAIVER_POLICY, stackPolicy } from "./runtime";
import { PACK_NAME } from "./runtime/rule";
import { commonPolicies } from "./rules/common";
import { weakenedPolicies } from "./rules/weakened";
import { awsPolicies } from "./rules/aws";
import { kubernetesPolicies } from "./rules/kubernetes";
import { gcpPolicies } from "./rules/gcp";
import { azurePolicies } from "./rules/azure";

export {
  Annotation,
  CLOCK_KEY,
  GroundworkMeta,
  GroundworkPolicy,
  UNDECIDED_PREFIX,
  WAIVER_POLICY,
  defaultLevel,
  checkWaivers,
  WaiverSpec,
  CheckedWaiver,
  UnknownValueError,
  unknownCheckingProxy,
  isUnknownError,
} from "./runtime";

/** The pack's name, as `new PolicyPack(packName, …)` registers it. */
export const packName = PACK_NAME;

/**
 * The pack's description, as `new PolicyPack` registers it. It names every cloud the rules cover (a test
 * holds it, PulumiPolicy.yaml's and package.json's to the rules' resource types).
 */
export const packDescription =
  "Groundwork security baseline: AWS, Google Cloud, Azure and Kubernetes controls, required tags, regions and waivers.";

/**
 * Invalid and applied waivers are reported under this name by every policy's wrapper (runtime/wrapper.ts);
 * the policy itself exists so the name, level and description appear in the pack's metadata.
 */
const waiverPolicy = stackPolicy({
  name: WAIVER_POLICY,
  area: "common",
  severity: "high",
  description:
    "Waivers in the pack config are valid: each has a URN pattern, a reason, an owner and an expiry date " +
    "in the future. Invalid ones are mandatory violations; applied ones are reported as advisory.",
  remediationSteps:
    "Renew the waiver with a reason, an owner and a future `expires`, fix the resource, or remove the waiver.",
  references: ["Groundwork policy waivers"],
  validateStack() {
    // The audit happens in each policy's wrapper, which alone can read that policy's config.
  },
});

/** Every policy, in the order handed to `PolicyPack`. */
export const policies: GroundworkPolicy[] = [
  ...commonPolicies,
  ...weakenedPolicies,
  ...awsPolicies,
  ...kubernetesPolicies,
  ...gcpPolicies,
  ...azurePolicies,
  waiverPolicy,
];
