// Weakened defaults, made visible: Groundwork components record every default a caller weakened below
// the environment profile (AWS tag `groundwork-weakened`, Kubernetes annotation `groundwork.dev/weakened`),
// and this rule turns each into an advisory finding so a reviewer sees every weakening in CI.
import { GroundworkPolicy, ResourceRule, resourcePolicy } from "../runtime";
import { record } from "../runtime/props";

/** The AWS tag the components write (components/aws/common.ts `WEAKENED_TAG`). */
export const WEAKENED_TAG = "groundwork-weakened";

/** The Kubernetes annotation the components write, in the same format as the tag. */
export const WEAKENED_ANNOTATION = "groundwork.dev/weakened";

/** The names in a record: space-separated (commas are not valid in AWS tag values). */
function names(value: unknown): string[] {
  return typeof value === "string" ? value.split(/\s+/).filter((n) => n !== "") : [];
}

const weakenedDefaults: ResourceRule = {
  name: "groundwork-weakened-defaults",
  area: "common",
  severity: "low",
  description:
    "Every default a Groundwork component was asked to weaken below the environment profile (recorded in the " +
    "`groundwork-weakened` tag or the `groundwork.dev/weakened` annotation) is reported, one finding per " +
    "resource and default, so a reviewer sees it.",
  remediationSteps:
    "Remove the weakening argument to get the profile's default back. A weakening is intentional only if it " +
    "is recorded in review (the pull request or an ADR saying why); then waive this finding for the resource.",
  references: ["Groundwork BASELINE profiles", "Groundwork weakened defaults"],
  validateResource(args, report) {
    const props = args.props as { tags?: unknown; metadata?: unknown };
    const tagged = names(record(props.tags)[WEAKENED_TAG]);
    const annotated = args.type.startsWith("kubernetes:")
      ? names(record(record(props.metadata).annotations)[WEAKENED_ANNOTATION])
      : [];
    for (const name of [...new Set([...tagged, ...annotated])]) {
      report(`"${args.name}" weakens the default "${name}" below the environment profile`);
    }
  },
};

/** The weakened-defaults policy (every cloud). */
export const weakenedPolicies: GroundworkPolicy[] = [resourcePolicy(weakenedDefaults)];
