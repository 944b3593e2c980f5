// The Groundwork pack's policies, importable without starting the CrossGuard server (policy/index.ts
// does that): the offline engine, the tests and the catalogue generator load this module.
// Adding a cloud: write policies/<cloud>.ts exporting its array, and add it to `policies` below.
import { awsPolicies } from "./aws";
import { commonPolicies } from "./common";
import { kubernetesPolicies } from "./kubernetes";
import { GroundworkPolicy, WAIVER_POLICY, stackPolicy } from "./meta";

export { GroundworkPolicy, GroundworkMeta, WAIVER_POLICY, CLOCK_KEY, Annotation, defaultLevel } from "./meta";
export { checkWaivers, WaiverSpec, CheckedWaiver } from "./waivers";

/** The pack's name, as `new PolicyPack(packName, …)` registers it. */
export const packName = "groundwork-security";

/**
 * Invalid and applied waivers are reported under this name by every policy's wrapper (see meta.ts);
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
  ...awsPolicies,
  ...kubernetesPolicies,
  waiverPolicy,
];
