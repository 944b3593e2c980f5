// Naming: child names are derived from the component name (they are part of every child's URN, so part
// of the public contract), and physical names are checked or shaped against a rule. The rules themselves
// belong to each cloud's folder (`aws/naming.ts`, `kubernetes/naming.ts` …); core only applies them.
import { createHash } from "crypto";
import { Validator } from "./validate";

/** The name of a component's child: `${componentName}-${suffix}`. Never hard-code a child name. */
export function childName(componentName: string, ...suffix: (string | number)[]): string {
  return [componentName, ...suffix.map(String)].join("-");
}

/** A naming rule of one cloud or platform, and what {@link shapeNameFor} must know to conform text to it. */
export interface NameRule {
  /** Short id used in messages. */
  readonly id: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The rule in words, shown in errors. */
  readonly description: string;
  /** Extra checks beyond the pattern; returns the problem, or undefined when the name is fine. */
  readonly extra?: (name: string) => string | undefined;
  /**
   * Replaces or drops, in lowercased text, the characters the rule does not allow.
   * @default every character other than a-z, 0-9 and `-` becomes `-`
   */
  readonly sanitize?: (lowercased: string) => string;
  /** Mends a sanitised name whose start the rule refuses (a leading digit, a reserved prefix). @default none */
  readonly fixStart?: (sanitised: string) => string;
  /** Hex digits of the input's hash that a shaped name ends with. @default 8 */
  readonly hashLength?: number;
  /** What joins the readable part and the hash (`""` where the rule has no separator). @default "-" */
  readonly hashSeparator?: string;
}

/** Returns what is wrong with `name` under `rule`, or undefined when it is valid. */
export function nameProblemFor(rule: NameRule, name: string): string | undefined {
  if (typeof name !== "string") return "is not a string";
  if (name.length < rule.minLength) return `is too short (${name.length} characters)`;
  if (name.length > rule.maxLength) return `is too long (${name.length} characters)`;
  if (!rule.pattern.test(name)) return "contains characters or a shape the rule does not allow";
  return rule.extra?.(name);
}

/** Throws a component input error naming `field` when `name` breaks `rule`; returns the name otherwise. */
export function validateNameFor(v: Validator, field: string, rule: NameRule, name: string): string {
  const problem = nameProblemFor(rule, name);
  if (problem !== undefined) v.fail(field, name, problem, rule.description);
  return name;
}

/**
 * A physical name the cloud derives from a component's name: a fixed prefix (for Pulumi auto-naming the
 * child's logical name and `-`) and, after it, `random` characters the provider chooses.
 */
export interface DerivedName {
  /** What carries the name, in words: `the load balancer`. */
  readonly what: string;
  readonly rule: NameRule;
  /** The part of the physical name made from the component name. */
  readonly prefix: (componentName: string) => string;
  /** Characters the provider appends: 7 for Pulumi auto-naming. */
  readonly random: number;
}

/**
 * Refuses a component name that would make a physical name the cloud rejects (too long once a child
 * suffix and the random part are added, or a character the cloud does not allow), before anything
 * registers: otherwise the deployment fails halfway, after other children were created.
 */
export function validateDerivedNames(v: Validator, derived: readonly DerivedName[]): void {
  for (const d of derived) {
    const prefix = d.prefix(v.resourceName);
    // The provider's random part is lowercase hex; "0" stands for it in the check.
    const problem = nameProblemFor(d.rule, prefix + "0".repeat(d.random));
    if (problem === undefined) continue;
    const shown = d.random > 0 ? `"${prefix}" plus ${d.random} random characters` : `"${prefix}"`;
    v.fail(
      "name",
      v.resourceName,
      `would make ${d.what} name ${shown}, which ${problem}`,
      d.rule.description,
    );
  }
}

/** Eight hex characters derived from the input: stable across runs and machines. */
export function shortHash(input: string, length = 8): string {
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

/**
 * Shapes an arbitrary string (for example a component name plus a suffix) into a valid name under `rule`.
 * A name that is already valid comes back unchanged. Anything else is lowercased, disallowed characters
 * are replaced or dropped, and a short hash of the full input is appended (after truncation, when too
 * long), so distinct inputs stay distinct. Throws when the input has no usable character at all.
 */
export function shapeNameFor(rule: NameRule, raw: string): string {
  const fail = (problem: string): never => {
    throw new Error(`cannot shape ${JSON.stringify(raw)} into ${rule.description}: the result ${problem}`);
  };
  if (typeof raw !== "string") fail("is not a string");
  if (nameProblemFor(rule, raw) === undefined) return raw;
  const sanitize = rule.sanitize ?? ((s: string) => s.replace(/[^a-z0-9-]/g, "-"));
  const trim = (x: string): string => x.replace(/^[^a-z0-9]+/, "").replace(/[^a-z0-9]+$/, "");
  let s = trim(sanitize(raw.toLowerCase()).replace(/-{2,}/g, "-"));
  if (s.length === 0) fail("has no usable characters");
  s = rule.fixStart?.(s) ?? s;
  // The input was not valid as given, so the shaped text always carries the hash of the input: two inputs
  // that sanitise to the same text (`Core Logs`, `core_logs`) keep distinct names. A hyphen-free hex tail
  // also keeps clear of reserved suffixes and of IP-address shapes.
  const hash = shortHash(raw, rule.hashLength ?? 8);
  const sep = rule.hashSeparator ?? "-";
  s = `${trim(s.slice(0, rule.maxLength - sep.length - hash.length))}${sep}${hash}`;
  const problem = nameProblemFor(rule, s);
  if (problem !== undefined) fail(problem);
  return s;
}
