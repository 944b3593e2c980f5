// SARIF 2.1.0 for code scanning: one rule per policy, one result per finding, located in the program.
import { createHash } from "crypto";
import { CheckReport, Located, PolicyInfo, SourceLocation, Violation } from "../report";
import { findingText, isolationLines, reportPath, ruleId } from "./common";

/** A short, stable digest of a finding's message. */
function messageHash(message: string): string {
  return createHash("sha256").update(message).digest("hex").slice(0, 12);
}

export interface SarifOptions {
  /** Paths in the log are relative to this (the repository root, where CI runs). @default process.cwd() */
  readonly baseDir?: string;
  /** The tool version written to the log. */
  readonly version?: string;
}

/** GitHub reads `security-severity` (0–10) to rank security findings. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function level(v: Pick<Violation, "enforcementLevel">): "error" | "warning" | "note" {
  if (v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate") return "error";
  if (v.enforcementLevel === "advisory") return "warning";
  return "note";
}

/**
 * The run's invocation: incomplete items are tool execution notifications (errors, or warnings under
 * --allow-incomplete), and an incomplete verdict is an unsuccessful execution, so code scanning never
 * shows a clean run for a check that did not see everything.
 */
function invocation(report: CheckReport): Record<string, unknown> {
  const allowed = report.summary.allowIncomplete;
  const notifications = report.incomplete.map((item) => ({
    level: allowed ? "warning" : "error",
    message: {
      text: `incomplete (${item.kind}): ${item.type ?? ""}${item.urn ? ` ${item.urn}` : ""}: ${item.reason}`,
    },
    descriptor: { id: `groundwork/incomplete/${item.kind}` },
    ...(item.urn
      ? { locations: [{ logicalLocations: [{ fullyQualifiedName: item.urn, kind: "resource" }] }] }
      : {}),
  }));
  const iso = report.isolation;
  // A run whose program was not isolated says so where code scanning shows the tool's own problems.
  if (iso && !iso.full)
    notifications.push({
      level: "warning",
      message: { text: `isolation: ${isolationLines(iso)!.line} (${iso.unavailable.join("; ")})` },
      descriptor: { id: "groundwork/isolation" },
    });
  return {
    executionSuccessful: report.summary.verdict !== "incomplete",
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
    ...(iso ? { properties: { isolation: iso } } : {}),
  };
}

const uriFor = reportPath;

function rule(p: PolicyInfo): Record<string, unknown> {
  const refs = p.references ?? [];
  const helpText = [
    p.description,
    p.remediationSteps ? `Remediation: ${p.remediationSteps}` : undefined,
    refs.length ? `References: ${refs.join(", ")}` : undefined,
    p.url ? `More: ${p.url}` : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
  const properties: Record<string, unknown> = {
    tags: ["security", "pulumi", ...(p.tags ?? [])],
    precision: "very-high",
    references: refs,
    enforcementLevel: p.enforcementLevel,
  };
  if (p.severity) properties["security-severity"] = SECURITY_SEVERITY[p.severity];
  return {
    id: ruleId(p.pack, p.name),
    name: p.name,
    shortDescription: { text: p.description.split("\n")[0] || p.name },
    fullDescription: { text: p.description || p.name },
    help: { text: helpText || p.name, markdown: helpText || p.name },
    ...(p.url ? { helpUri: p.url } : {}),
    defaultConfiguration: { level: level(p), enabled: p.enforcementLevel !== "disabled" },
    properties,
  };
}

/** A SARIF physical location of a source location, relative to `baseDir`. */
function physical(loc: SourceLocation, baseDir: string): Record<string, unknown> {
  return {
    artifactLocation: { uri: uriFor(loc.file, baseDir) },
    region: { startLine: loc.line, startColumn: Math.max(1, loc.column) },
  };
}

/**
 * Where a finding points: the user's line that made its resource (the program's main file for the stack),
 * with the library's own line that made it (a component's child) as a related location.
 */
function locator(
  report: CheckReport,
  baseDir: string,
): (f: Located & { urn?: string }) => { locations: unknown[]; relatedLocations?: unknown[] } {
  return (f) => {
    const logicalLocations = [
      { fullyQualifiedName: f.urn ?? `${report.graph.project}/${report.graph.stack}`, kind: "resource" },
    ];
    const related = (f.relatedLocations ?? []).map((loc, i) => ({
      id: i + 1,
      physicalLocation: physical(loc, baseDir),
      message: { text: "made here, inside the component or library the program called" },
    }));
    return {
      locations: [
        { ...(f.location ? { physicalLocation: physical(f.location, baseDir) } : {}), logicalLocations },
      ],
      ...(related.length ? { relatedLocations: related } : {}),
    };
  };
}

/** One finding of `pack/policy` on `urn` (or the stack) as a SARIF result. */
interface Finding extends Located {
  readonly pack: string;
  readonly policy: string;
  readonly urn?: string;
  readonly message: string;
  readonly level: "error" | "warning" | "note";
  readonly properties: Record<string, unknown>;
}

export function toSarif(report: CheckReport, options: SarifOptions = {}): string {
  const baseDir = options.baseDir ?? process.cwd();
  const policies = [...report.policies];
  // Findings from a policy the pack did not describe still need a rule to point at.
  const described = (x: { pack: string; policy: string }): boolean =>
    policies.some((p) => p.pack === x.pack && p.name === x.policy);
  const undescribed = [
    ...report.violations,
    ...report.undecided.map((u) => ({ ...u, enforcementLevel: "advisory" as const })),
  ];
  for (const v of undescribed) {
    if (!described(v))
      policies.push({
        pack: v.pack,
        name: v.policy,
        description: v.policy,
        enforcementLevel: v.enforcementLevel,
      });
  }
  const rules = policies.map(rule);
  const index = new Map(policies.map((p, i) => [ruleId(p.pack, p.name), i]));
  const locate = locator(report, baseDir);
  const text = (f: Finding): string =>
    findingText(f, policies.find((p) => p.pack === f.pack && p.name === f.policy)?.description);
  const findings: Finding[] = [
    ...report.violations.map((v) => ({
      ...v,
      level: level(v),
      properties: { enforcementLevel: v.enforcementLevel, ...(v.severity ? { severity: v.severity } : {}) },
    })),
    // Undecided checks are notes: neither a pass nor a finding, and never a failed upload's reason.
    ...report.undecided.map((u) => ({ ...u, level: "note" as const, properties: { undecided: true } })),
  ];
  const results = findings.map((f) => {
    const id = ruleId(f.pack, f.policy);
    return {
      ruleId: id,
      ruleIndex: index.get(id),
      level: f.level,
      // The rule carries the policy's description; the result says what is wrong with this resource.
      message: { text: f.urn ? `${text(f)}\nResource: ${f.urn}` : text(f) },
      ...locate(f),
      // The message's hash keeps two findings of one policy on one resource (two bad containers …) apart,
      // where code scanning would otherwise merge them into one alert.
      partialFingerprints: { "groundwork/v1": `${id}|${f.urn ?? ""}|${messageHash(f.message)}` },
      properties: f.properties,
    };
  });

  return sarifLog(options.version, rules, {
    automationDetails: { id: `groundwork-check/${report.graph.project}/${report.graph.stack}/` },
    invocations: [invocation(report)],
    results,
  });
}

/** A SARIF 2.1.0 log of one groundwork run: the tool and its rules, then the run's own fields. */
export function sarifLog(
  version: string | undefined,
  rules: readonly unknown[],
  run: Readonly<Record<string, unknown>>,
): string {
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "groundwork",
            informationUri: "https://www.npmjs.com/package/@groundwork/infra",
            ...(version ? { version } : {}),
            rules,
          },
        },
        ...run,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
