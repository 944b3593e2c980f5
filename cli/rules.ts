// `groundwork rules`: the pack's rules and its coverage. Lists every policy of the built-in pack with its
// severity, default level, area, service and references, filtered by framework, as a table or JSON; with
// `--coverage`, the coverage matrix (policy/coverage) as text, JSON or the Markdown of policy/COVERAGE.md.
import { policies } from "../policy/pack";
import { FRAMEWORKS, Framework, GroundworkPolicy, ruleFrameworks } from "../policy/runtime";
import { coverageMarkdown, coverageRows, coverageText } from "../policy/coverage/matrix";
import { UsageError, eachArg } from "./args";

export interface RulesArgs {
  readonly framework?: Framework;
  readonly format: "table" | "json" | "markdown";
  readonly coverage: boolean;
}

/** Reads `rules`' flags (`--flag value` or `--flag=value`); anything else is a usage error. */
export function parseRulesArgs(rest: readonly string[]): RulesArgs {
  let framework: Framework | undefined;
  let format: RulesArgs["format"] = "table";
  let coverage = false;
  eachArg(rest, (arg, flag, value) => {
    if (flag === "--framework") {
      const f = value();
      if (!(FRAMEWORKS as readonly string[]).includes(f))
        throw new UsageError(`--framework ${f} is not one of ${FRAMEWORKS.join(", ")}`);
      framework = f as Framework;
    } else if (flag === "--format") {
      const f = value();
      if (f !== "table" && f !== "json" && f !== "markdown")
        throw new UsageError(`--format ${f} is not one of table, json, markdown`);
      format = f;
    } else if (arg === "--coverage") coverage = true;
    else throw new UsageError(`unknown option ${arg} for rules`);
  });
  if (coverage && framework !== undefined) throw new UsageError("--coverage takes no --framework");
  if (!coverage && (format as RulesArgs["format"]) === "markdown")
    throw new UsageError("--format markdown needs --coverage");
  return { framework, format, coverage };
}

/** One row of the coverage view. */
export interface RuleRow {
  readonly name: string;
  readonly area: string;
  readonly service: string;
  readonly severity: string;
  readonly enforcementLevel: string;
  readonly description: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly frameworks: readonly Framework[];
}

/** The pack's policies as rows, those mapping to `framework` only when one is given. */
export function ruleRows(framework?: Framework, list: readonly GroundworkPolicy[] = policies): RuleRow[] {
  return list
    .map((p) => ({
      name: p.name,
      area: p.area,
      service: p.service,
      severity: p.severity,
      enforcementLevel: String(p.enforcementLevel),
      description: p.description,
      remediation: p.remediationSteps,
      references: p.references,
      frameworks: ruleFrameworks(p.references),
    }))
    .filter((r) => framework === undefined || r.frameworks.includes(framework));
}

/** A plain-text table, columns padded to their widest cell, and a count. */
export function rulesTable(rows: readonly RuleRow[]): string {
  const head = ["POLICY", "SEVERITY", "LEVEL", "AREA", "SERVICE", "REFERENCES"];
  const cells = rows.map((r) => [
    r.name,
    r.severity,
    r.enforcementLevel,
    r.area,
    r.service,
    r.references.join(", "),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]): string =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), ...cells.map(line), "", `${rows.length} policies`, ""].join("\n");
}

/** The text `groundwork rules` prints. */
export function rulesText(args: RulesArgs): string {
  if (args.coverage) {
    if (args.format === "json") return `${JSON.stringify(coverageRows(), null, 2)}\n`;
    return args.format === "markdown" ? coverageMarkdown() : coverageText();
  }
  const rows = ruleRows(args.framework);
  return args.format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : rulesTable(rows);
}
