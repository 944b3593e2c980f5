// Weakened defaults, made visible: Groundwork components record every default a caller weakened below
// the environment profile (AWS and Azure tag and Google Cloud label `groundwork-weakened`, Kubernetes
// annotation `groundwork.dev/weakened`), and this rule turns each into an advisory finding so a reviewer sees every weakening in CI.
import type { PolicyResource } from "@pulumi/policy";
import { GroundworkPolicy, StackRule, stackPolicy } from "../runtime";
import { record } from "../runtime/props";
// The same keys the components write: one definition, in core.
import { WEAKENED_ANNOTATION, WEAKENED_TAG } from "../../components/core/weakening";

/** The names in a record: space-separated (commas are not valid in AWS tag values). */
function names(value: unknown): string[] {
  return typeof value === "string" ? value.split(/\s+/).filter((n) => n !== "") : [];
}

/**
 * The names in a Google Cloud label: label values allow neither spaces nor capitals, so the components
 * write each name in kebab case joined by `_` (`access-logging_protect`); read back in the other clouds'
 * camel case, so one default has one name in every report.
 */
function labelNames(value: unknown): string[] {
  if (typeof value !== "string") return [];
  const camel = (n: string): string => n.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return value
    .split("_")
    .filter((n) => n !== "")
    .map(camel);
}

/** The defaults a resource records as weakened, from the tag, label or (Kubernetes) annotation. */
function weakenedOn(r: PolicyResource): string[] {
  const props = r.props as { tags?: unknown; labels?: unknown; metadata?: unknown };
  const tagged = r.type.startsWith("gcp:")
    ? labelNames(record(props.labels)[WEAKENED_TAG])
    : names(record(props.tags)[WEAKENED_TAG]);
  const annotated = r.type.startsWith("kubernetes:")
    ? names(record(record(props.metadata).annotations)[WEAKENED_ANNOTATION])
    : [];
  return [...new Set([...tagged, ...annotated])];
}

const weakenedDefaults: StackRule = {
  name: "groundwork-weakened-defaults",
  area: "common",
  severity: "low",
  description:
    "Every default a Groundwork component was asked to weaken below the environment profile (recorded in the " +
    "`groundwork-weakened` tag or label, or the `groundwork.dev/weakened` annotation) is reported, one finding per " +
    "component and default, so a reviewer sees it.",
  remediationSteps:
    "Remove the weakening argument to get the profile's default back. A weakening is intentional only if it " +
    "is recorded in review (the pull request or an ADR saying why); then waive this finding for the component.",
  references: ["Groundwork BASELINE profiles", "Groundwork weakened defaults"],
  validateStack(args, report) {
    // A component copies the record onto every child it tags: group by the component (the parent), so one
    // weakening is one finding, filed against the component's URN (which a waiver can name).
    const groups = new Map<string, { owner: string; names: Set<string>; count: number }>();
    for (const r of args.resources) {
      const found = weakenedOn(r);
      if (found.length === 0) continue;
      const owner = r.parent && r.parent.type !== "pulumi:pulumi:Stack" ? r.parent : r;
      const group = groups.get(owner.urn) ?? { owner: owner.name, names: new Set<string>(), count: 0 };
      found.forEach((n) => group.names.add(n));
      group.count += 1;
      groups.set(owner.urn, group);
    }
    for (const [urn, g] of groups) {
      const where = g.count > 1 ? ` (recorded on ${g.count} resources)` : "";
      for (const n of [...g.names].sort()) {
        report(`"${g.owner}" weakens the default "${n}" below the environment profile${where}`, urn);
      }
    }
  },
};

/** The weakened-defaults policy (every cloud). */
export const weakenedPolicies: GroundworkPolicy[] = [stackPolicy(weakenedDefaults)];
