// The JSON report: the shape DESIGN.md fixes for `groundwork check --format json`.
import { CheckReport } from "../report";
import { redact } from "./common";

export function toJson(report: CheckReport): string {
  const g = report.graph;
  const out = {
    project: g.project,
    stack: g.stack,
    resources: g.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      custom: r.custom,
      provider: r.provider ?? null,
      inputs: redact(r.inputs),
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      protect: r.protect,
    })),
    violations: report.violations.map((v) => ({
      pack: v.pack,
      policy: v.policy,
      enforcementLevel: v.enforcementLevel,
      severity: v.severity ?? null,
      urn: v.urn ?? null,
      message: v.message,
    })),
    waivers: report.waivers,
    summary: report.summary,
  };
  return JSON.stringify(out, null, 2) + "\n";
}
