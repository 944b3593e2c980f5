// The JSON report: the shape DESIGN.md fixes for `groundwork check --format json`.
import { CheckReport } from "../report";
import { ruleFrameworks } from "../../policy/runtime/frameworks";
import { jsonLocations, redact, unknownProperty, urnType } from "./common";

// The fields each entry carries, in output order; an absent optional field is written as null.
const RESOURCE_FIELDS = [
  "urn",
  "type",
  "name",
  "parent",
  "custom",
  "provider",
  "inputs",
  "dependencies",
  "propertyDependencies",
  "protect",
] as const;
const VIOLATION_FIELDS = ["pack", "policy", "enforcementLevel", "severity", "urn", "message"] as const;

function pick<T extends object, K extends keyof T>(x: T, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const k of keys) out[k] = x[k] ?? null;
  return out;
}

/**
 * Each violation's references (CIS, AWS FSBP, Pod Security Standards, Checkov ids) and the frameworks they
 * map to, from the policy that raised it, so a security team can map findings to controls.
 */
function withReferences(report: CheckReport): (v: CheckReport["violations"][number]) => object {
  const refs = new Map(report.policies.map((p) => [`${p.pack}\u0000${p.name}`, p.references ?? []]));
  return (v) => {
    const references = refs.get(`${v.pack}\u0000${v.policy}`) ?? [];
    return {
      ...pick(v, VIOLATION_FIELDS),
      ...jsonLocations(v),
      references,
      frameworks: ruleFrameworks(references),
    };
  };
}

export function toJson(report: CheckReport): string {
  const g = report.graph;
  const out = {
    project: g.project,
    stack: g.stack,
    // How the program was kept from the gate (ADR 0014); null when no program ran under this process.
    isolation: report.isolation ?? null,
    // Inputs are redacted: a report is an artifact, and secrets must not reach it.
    resources: g.resources.map((r) => ({ ...pick(r, RESOURCE_FIELDS), inputs: redact(r.inputs) })),
    violations: report.violations.map(withReferences(report)),
    waivers: report.waivers,
    // Checks a value unknown until apply kept from deciding: neither a pass nor a finding, so listed.
    undecided: report.undecided.map((u) => ({
      pack: u.pack,
      policy: u.policy,
      urn: u.urn ?? null,
      type: urnType(u.urn) ?? null,
      property: unknownProperty(u.message) ?? null,
      message: u.message,
      ...jsonLocations(u),
    })),
    // What the offline engine could not expand or decide: the verdict is "incomplete" while any remain.
    incomplete: report.incomplete.map((i) => ({
      kind: i.kind,
      urn: i.urn ?? null,
      type: i.type ?? null,
      reason: i.reason,
    })),
    summary: report.summary,
  };
  return JSON.stringify(out, null, 2) + "\n";
}
