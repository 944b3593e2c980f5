// The JSON report: the shape DESIGN.md fixes for `groundwork check --format json`.
import { CheckReport } from "../report";
import { redact, unknownProperty, urnType } from "./common";

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

export function toJson(report: CheckReport): string {
  const g = report.graph;
  const out = {
    project: g.project,
    stack: g.stack,
    // Inputs are redacted: a report is an artifact, and secrets must not reach it.
    resources: g.resources.map((r) => ({ ...pick(r, RESOURCE_FIELDS), inputs: redact(r.inputs) })),
    violations: report.violations.map((v) => pick(v, VIOLATION_FIELDS)),
    waivers: report.waivers,
    // Checks a value unknown until apply kept from deciding: neither a pass nor a finding, so listed.
    undecided: report.undecided.map((u) => ({
      pack: u.pack,
      policy: u.policy,
      urn: u.urn ?? null,
      type: urnType(u.urn) ?? null,
      property: unknownProperty(u.message) ?? null,
      message: u.message,
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
