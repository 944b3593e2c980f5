// Helpers the reporters share: severity order, display names, and values made safe to print.
import { SECRET_SIG_KEY, UNKNOWN, isSecret } from "../../engine/graph";
import { describeIsolation } from "../../engine/runner/isolation";
import * as path from "path";
import { IncompleteItem, Isolation, Located, Severity, SourceLocation, Violation } from "../report";

export const SEVERITY_ORDER: readonly (Severity | "unspecified")[] = [
  "critical",
  "high",
  "medium",
  "low",
  "unspecified",
];

/** What a finding whose policy gave no severity is called in reports: said as such, not a severity. */
export const NO_SEVERITY = "severity not set";

/** A severity for people: the severity, or that the policy set none. */
export function severityLabel(sev: Severity | "unspecified"): string {
  return sev === "unspecified" ? NO_SEVERITY : sev;
}

/**
 * A finding's message without the policy's description: @pulumi/policy (and the in-process evaluator, which
 * does as it does) files `description + "\n" + message`, and the description is printed once per policy.
 */
export function findingText(v: Pick<Violation, "message">, description: string | undefined): string {
  if (description && v.message.startsWith(`${description}\n`)) return v.message.slice(description.length + 1);
  return v.message;
}

/** `pack/policy`: unique across packs, used as rule and test-class ids. */
export function ruleId(pack: string, policy: string): string {
  return `${pack}/${policy}`;
}

export function severityOf(v: Pick<Violation, "severity">): Severity | "unspecified" {
  return v.severity ?? "unspecified";
}

/** The resource type a URN names (the last of its qualified types), or undefined for a non-URN. */
export function urnType(urn: string | undefined): string | undefined {
  const qualified = urn?.split("::")[2];
  return qualified ? qualified.split("$").pop() : undefined;
}

/** `type name` from a URN, for people. */
export function describeUrn(urn: string | undefined): string {
  if (!urn) return "(stack)";
  return `${urnType(urn) ?? ""} ${urn.split("::")[3] ?? urn}`;
}

// How @pulumi/policy (and our engine, which throws its error) names the value a check could not read.
const UNKNOWN_AT = /value at (\.[^\n]*?) can't be known during preview/;

/** The property path an undecided check could not read (`.policy`), when its message names one. */
export function unknownProperty(message: string): string | undefined {
  return UNKNOWN_AT.exec(message)?.[1];
}

/**
 * A copy of a property value fit for a report that lands in CI logs: secrets become "[secret]" (their
 * plain text must never leave the run) and unknowns "[unknown]".
 */
export function redact(value: unknown): unknown {
  if (isSecret(value)) return "[secret]";
  if (value === UNKNOWN) return "[unknown]";
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== SECRET_SIG_KEY) out[k] = redact(v);
    return out;
  }
  return value;
}

/** One incomplete item for people: what it is, where, and why the engine could not answer it. */
export function describeIncomplete(item: IncompleteItem): string {
  const what = item.urn ? describeUrn(item.urn) : (item.type ?? item.kind);
  return `${what}${item.urn ? `  ${item.urn}` : ""}: ${item.reason}`;
}

/** The isolation line every report carries, and why stronger isolation was not used, if it was not. */
export function isolationLines(iso: Isolation | undefined): { line: string; reasons: string[] } | undefined {
  if (!iso) return undefined;
  return { line: describeIsolation(iso), reasons: [...iso.unavailable] };
}

/** A file as reports print it: relative to `baseDir` (where CI runs), with forward slashes. */
export function reportPath(file: string, baseDir: string = process.cwd()): string {
  const abs = file.startsWith("file://") ? new URL(file).pathname : path.resolve(baseDir, file);
  return path.relative(baseDir, abs).split(path.sep).join("/");
}

/** `file:line:column`, relative to `baseDir`. */
export function describeLocation(loc: SourceLocation, baseDir?: string): string {
  return `${reportPath(loc.file, baseDir)}:${loc.line}:${loc.column}`;
}

/** A finding's locations for the JSON report: relative files, null when there is none. */
export function jsonLocations(x: Located): { location: unknown; relatedLocations: unknown[] } {
  const rel = (l: SourceLocation) => ({ file: reportPath(l.file), line: l.line, column: l.column });
  return {
    location: x.location ? rel(x.location) : null,
    relatedLocations: (x.relatedLocations ?? []).map(rel),
  };
}
