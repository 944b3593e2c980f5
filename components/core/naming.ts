// Naming: child names are derived from the component name (they are part of every child's URN, so part
// of the public contract), and physical names are checked or shaped against a rule. The rules themselves
// belong to each cloud's folder (`aws/naming.ts`, `kubernetes/naming.ts` …); core only applies them.
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
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

/** The problem of the provider's auto-name for `d` (its prefix plus random characters), if any. */
function autoNameProblem(d: DerivedName, componentName: string): string | undefined {
  // The provider's random part is lowercase hex; "0" stands for it in the check.
  return nameProblemFor(d.rule, d.prefix(componentName) + "0".repeat(d.random));
}

/** True when the auto-name breaks `d`'s rule by its length alone: a shorter name of the same text fits. */
function onlyTooLong(d: DerivedName, componentName: string): boolean {
  const unbounded: NameRule = { ...d.rule, maxLength: Number.MAX_SAFE_INTEGER };
  const auto = d.prefix(componentName) + "0".repeat(d.random);
  return auto.length > d.rule.maxLength && nameProblemFor(unbounded, auto) === undefined;
}

/**
 * Refuses a component name that would make a physical name the cloud rejects for a reason shortening
 * cannot mend (a character the cloud does not allow, a reserved prefix), before anything registers:
 * otherwise the deployment fails halfway, after other children were created. A name that is only too
 * long is not refused: {@link fittedName} gives the child a shortened name instead.
 */
export function validateDerivedNames(v: Validator, derived: readonly DerivedName[]): void {
  for (const d of derived) {
    const autoProblem = autoNameProblem(d, v.resourceName);
    if (autoProblem === undefined) continue;
    if (onlyTooLong(d, v.resourceName) && fitName(d.rule, d.prefix(v.resourceName), "") !== undefined)
      continue;
    const prefix = d.prefix(v.resourceName);
    // What a shorter name would not mend is what the caller must change: say that, not the length.
    const unbounded: NameRule = { ...d.rule, maxLength: Number.MAX_SAFE_INTEGER };
    const problem = nameProblemFor(unbounded, prefix + "0".repeat(d.random)) ?? autoProblem;
    const shown = d.random > 0 ? `"${prefix}" plus ${d.random} random characters` : `"${prefix}"`;
    v.fail(
      "name",
      v.resourceName,
      `would make ${d.what} name ${shown}, which ${problem}`,
      d.rule.description,
    );
  }
}

/**
 * `text` cut to fit `rule` with a hash of `scope` and the whole text after it (`orders-uploads-3f2a9c1e`):
 * the readable start kept, distinct texts kept apart, the same text always the same name. Undefined
 * when the result still breaks the rule.
 */
function fitName(rule: NameRule, text: string, scope: string): string | undefined {
  const hash = shortHash(`${scope}/${text}`, rule.hashLength ?? 8);
  const sep = rule.hashSeparator ?? "-";
  const readable = text.slice(0, rule.maxLength - sep.length - hash.length).replace(/[^A-Za-z0-9]+$/, "");
  const name = `${readable}${sep}${hash}`;
  return nameProblemFor(rule, name) === undefined ? name : undefined;
}

/** The stack a physical name belongs to (`<project>/<stack>`), so two stacks in one account never share one. */
export function stackScope(): string {
  return `${pulumi.getProject()}/${pulumi.getStack()}`;
}

/**
 * The physical name to give a child whose provider auto-name would be too long for its rule, or
 * `undefined` when the auto-name fits. A name that fits is left to the provider exactly as before, so no
 * deployed child is renamed; a longer one is cut and ends in a hash of `scope` and the full prefix
 * (stable from run to run, distinct per stack). Pass the scope that makes the name unique where the cloud
 * wants it unique (the subscription for a Key Vault); {@link stackScope} is the least.
 */
export function fittedName(d: DerivedName, componentName: string, scope: string): string | undefined {
  if (autoNameProblem(d, componentName) === undefined || !onlyTooLong(d, componentName)) return undefined;
  return fitName(d.rule, d.prefix(componentName), scope);
}

/**
 * `{ [property]: name }` for a child's arguments when {@link fittedName} pins a name, `{}` when the
 * provider auto-names it as before: spread it into the child's arguments.
 */
export function fittedNameArg<K extends string>(
  property: K,
  d: DerivedName,
  componentName: string,
  scope: string = stackScope(),
): { [P in K]?: string } {
  const name = fittedName(d, componentName, scope);
  return (name === undefined ? {} : { [property]: name }) as { [P in K]?: string };
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

/**
 * {@link fittedNameArg} for a name the cloud wants unique beyond the account (bucket, vault and server
 * names are global): the hash also covers what `unique` resolves to (the account, project or
 * subscription), so two organisations' stacks of the same project and stack name stay apart.
 */
export function globalFittedNameArg<K extends string>(
  property: K,
  d: DerivedName,
  componentName: string,
  unique: () => pulumi.Output<string>,
): { [P in K]?: pulumi.Output<string> } {
  const stack = stackScope();
  if (fittedName(d, componentName, stack) === undefined) return {};
  const name = unique().apply((u) => fittedName(d, componentName, `${u}/${stack}`) ?? "");
  return { [property]: name } as { [P in K]?: pulumi.Output<string> };
}
