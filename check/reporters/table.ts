// The human report: findings grouped by level, severity then resource (each at the program's line that made
// it), each policy's description once, waivers, and what was evaluated.
import { BUILT_IN_PACK, CheckReport, Violation } from "../report";
import {
  SEVERITY_ORDER,
  describeIncomplete,
  describeLocation,
  describeUrn,
  findingText,
  isolationLines,
  severityLabel,
  severityOf,
} from "./common";

export interface TableOptions {
  /** ANSI colour; on only when writing to a terminal. @default false */
  readonly color?: boolean;
  /** List each undecided check; without it they fold into one line (`--verbose`). @default false */
  readonly verbose?: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
type Paint = (c: keyof typeof CODES, s: string) => string;

/** What the offline engine could not answer: blocking (red) unless --allow-incomplete made it advisory. */
function incompleteSection(report: CheckReport, paint: Paint): string[] {
  if (report.incomplete.length === 0) return [];
  const allowed = report.summary.allowIncomplete;
  const title = `INCOMPLETE (${report.incomplete.length})${allowed ? " - advisory: --allow-incomplete" : ""}`;
  const lines = [paint("bold", title)];
  for (const item of report.incomplete)
    lines.push(`  ${paint(allowed ? "yellow" : "red", item.kind)}  ${describeIncomplete(item)}`);
  if (!allowed)
    lines.push(
      "  the policies never saw what is behind these: pin answers (--invokes, --stack-outputs) or pass --allow-incomplete",
    );
  return [...lines, ""];
}

/**
 * Undecided checks: one line unless `verbose`. A clean preview of a real stack has a dozen (bucket
 * policies, task definitions: JSON built from outputs), and listing them buried the findings.
 */
function undecidedSection(report: CheckReport, verbose: boolean, paint: Paint): string[] {
  const n = report.undecided.length;
  if (n === 0) return [];
  if (!verbose)
    return [
      paint("dim", `${n} undecided check${n === 1 ? "" : "s"} (unknown until apply); --verbose to list`),
      "",
    ];
  const lines = [paint("bold", `UNDECIDED DURING PREVIEW (${n})`)];
  for (const u of report.undecided) {
    const at = u.location ? ` (at ${describeLocation(u.location)})` : "";
    lines.push(`  ${u.pack}/${u.policy}  ${describeUrn(u.urn)}${at}: ${u.message}`);
  }
  return [...lines, ""];
}

function verdictLine(report: CheckReport, paint: Paint): string {
  const s = report.summary;
  const verdict =
    s.verdict === "incomplete"
      ? paint("red", "INCOMPLETE")
      : s.verdict === "fail"
        ? paint("red", "FAIL")
        : paint("green", "PASS");
  const incomplete = s.incomplete > 0 ? `, ${s.incomplete} incomplete` : "";
  return `${verdict}: ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived, ${s.undecided} undecided${incomplete}`;
}

const LEVELS = ["mandatory", "remediate", "advisory"] as const;

/** One resource's findings of one level and severity: the resource, where the program made it, each finding. */
function resourceLines(report: CheckReport, urn: string, vs: readonly Violation[], paint: Paint): string[] {
  const lines = [`    ${describeUrn(urn || undefined)}${urn ? paint("dim", `  ${urn}`) : ""}`];
  const loc = vs[0].location;
  if (loc) lines.push(`      at ${describeLocation(loc)}`);
  for (const v of vs) {
    const [first, ...rest] = findingText(v, descriptionOf(report, v)).split("\n");
    lines.push(`      ${v.pack}/${v.policy}: ${first}`);
    for (const r of rest) lines.push(`        ${r}`);
  }
  return lines;
}

/** The findings: by enforcement level (what blocks first), then severity, then resource. */
function findingsSection(report: CheckReport, paint: Paint): string[] {
  const lines: string[] = [];
  for (const level of LEVELS) {
    const atLevel = report.violations.filter((v) => v.enforcementLevel === level);
    if (atLevel.length === 0) continue;
    lines.push(paint(level === "advisory" ? "yellow" : "red", `${level.toUpperCase()} (${atLevel.length})`));
    for (const sev of SEVERITY_ORDER) {
      const found = atLevel.filter((v) => severityOf(v) === sev);
      if (found.length === 0) continue;
      lines.push(paint("bold", `  ${severityLabel(sev)} (${found.length})`));
      const byUrn = new Map<string, Violation[]>();
      for (const v of found) byUrn.set(v.urn ?? "", [...(byUrn.get(v.urn ?? "") ?? []), v]);
      for (const [urn, vs] of byUrn) lines.push(...resourceLines(report, urn, vs, paint));
    }
    lines.push("");
  }
  return lines;
}

function descriptionOf(report: CheckReport, v: Pick<Violation, "pack" | "policy">): string | undefined {
  return report.policies.find((p) => p.pack === v.pack && p.name === v.policy)?.description;
}

/** Each policy with findings, once: its description, severity and level (the findings above omit them). */
function policiesSection(report: CheckReport, paint: Paint): string[] {
  const seen = new Map<string, Violation>();
  for (const v of report.violations)
    if (!seen.has(`${v.pack}/${v.policy}`)) seen.set(`${v.pack}/${v.policy}`, v);
  if (seen.size === 0) return [];
  const lines = [paint("bold", `POLICIES WITH FINDINGS (${seen.size})`)];
  for (const [id, v] of seen) {
    lines.push(`  ${id}  ${severityLabel(severityOf(v))}, ${v.enforcementLevel}`);
    const description = descriptionOf(report, v);
    if (description) for (const d of description.split("\n")) lines.push(paint("dim", `    ${d}`));
  }
  return [...lines, ""];
}

export function toTable(report: CheckReport, options: TableOptions = {}): string {
  const paint: Paint = (c, s) => (options.color ? `\x1b[${CODES[c]}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const g = report.graph;
  const s = report.summary;
  lines.push(paint("bold", `groundwork check ${g.project}/${g.stack}`));
  lines.push(`${s.resources} resources, ${s.policies} policies evaluated`);
  // A program that registers nothing passes every policy: say so, in case the wrong main ran.
  if (s.resources === 0)
    lines.push(
      paint(
        "yellow",
        `warning: the program registered no resources${report.programFile ? ` (${report.programFile} ran)` : ""}; ` +
          "if that is not expected, check the project's `main` (Pulumi.yaml, or its package.json)",
      ),
    );
  const packs = s.packs.map((p) => `${p.name} (${p.policies}${p.builtIn ? ", built-in" : ""})`);
  lines.push(`packs: ${packs.join(", ") || "none"}`);
  if (s.builtInDisabled) {
    lines.push(paint("yellow", `the built-in pack ${BUILT_IN_PACK} is turned off (--no-builtin)`));
  }
  const iso = isolationLines(report.isolation);
  if (iso) {
    lines.push(report.isolation!.full ? `isolation: ${iso.line}` : paint("yellow", `isolation: ${iso.line}`));
    if (!report.isolation!.full || report.isolation!.mode !== "user")
      for (const r of iso.reasons) lines.push(paint("dim", `  not used: ${r}`));
  }
  lines.push("");

  lines.push(...findingsSection(report, paint), ...policiesSection(report, paint));
  if (report.waivers.length) {
    lines.push(paint("bold", `WAIVERS (${report.waivers.length})`));
    for (const w of report.waivers) {
      const who = [w.owner && `owner ${w.owner}`, w.expires && `expires ${w.expires}`]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${w.status}  ${w.pack}/${w.policy}  ${w.urn ?? w.pattern}${who ? `  (${who})` : ""}`);
      if (w.reason) lines.push(`    reason: ${w.reason}`);
    }
    lines.push("");
  }
  lines.push(...undecidedSection(report, options.verbose === true, paint));
  if (report.remediations.length) {
    lines.push(paint("bold", `REMEDIATED (${report.remediations.length})`));
    for (const r of report.remediations) lines.push(`  ${r.pack}/${r.policy}  ${describeUrn(r.urn)}`);
    lines.push("");
  }
  lines.push(...incompleteSection(report, paint));
  lines.push(verdictLine(report, paint));
  return lines.join("\n") + "\n";
}
