// Naming: child names are derived from the component name (they are part of every child's URN, so part
// of the public contract), and physical names are checked or shaped against each cloud's rules.
import { createHash } from "crypto";
import { Validator } from "./validate";

/** The name of a component's child: `${componentName}-${suffix}`. Never hard-code a child name. */
export function childName(componentName: string, ...suffix: (string | number)[]): string {
  return [componentName, ...suffix.map(String)].join("-");
}

/** A naming rule of one cloud or platform. */
export interface NameRule {
  /** Short id used in messages and by {@link shapeName}. */
  readonly id: NameKind;
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The rule in words, shown in errors. */
  readonly description: string;
  /** Extra checks beyond the pattern; returns the problem, or undefined when the name is fine. */
  readonly extra?: (name: string) => string | undefined;
}

/** The kinds of physical names Groundwork checks. */
export type NameKind =
  "s3Bucket" | "azureStorageAccount" | "gcpResource" | "kubernetesLabel" | "kubernetesSubdomain";

export const NAME_RULES: { readonly [K in NameKind]: NameRule } = {
  s3Bucket: {
    id: "s3Bucket",
    minLength: 3,
    maxLength: 63,
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    description:
      "3-63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter or " +
      "digit, not shaped like an IP address, no '..', not starting with 'xn--' or 'sthree-', not ending in " +
      "'-s3alias' or '--ol-s3'",
    extra: (n) => {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(n)) return "is shaped like an IP address";
      if (n.includes("..")) return "contains '..'";
      if (/^(xn--|sthree-|amzn-s3-demo-)/.test(n)) return "starts with a reserved prefix";
      if (/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(n)) return "ends with a reserved suffix";
      return undefined;
    },
  },
  azureStorageAccount: {
    id: "azureStorageAccount",
    minLength: 3,
    maxLength: 24,
    pattern: /^[a-z0-9]+$/,
    description: "3-24 lowercase letters and digits",
  },
  gcpResource: {
    id: "gcpResource",
    minLength: 1,
    maxLength: 63,
    pattern: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
    description:
      "an RFC 1035 name: 1-63 characters, lowercase letters, digits and hyphens, starting with a letter and " +
      "not ending with a hyphen",
  },
  kubernetesLabel: {
    id: "kubernetesLabel",
    minLength: 1,
    maxLength: 63,
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    description:
      "a DNS-1123 label: 1-63 characters, lowercase letters, digits and hyphens, starting and ending with a " +
      "letter or digit",
  },
  kubernetesSubdomain: {
    id: "kubernetesSubdomain",
    minLength: 1,
    maxLength: 253,
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    description:
      "a DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels of lowercase letters, " +
      "digits and hyphens",
  },
};

/** Returns what is wrong with `name` under `kind`'s rule, or undefined when it is valid. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const rule = NAME_RULES[kind];
  if (typeof name !== "string") return "is not a string";
  if (name.length < rule.minLength) return `is too short (${name.length} characters)`;
  if (name.length > rule.maxLength) return `is too long (${name.length} characters)`;
  if (!rule.pattern.test(name)) return "contains characters or a shape the rule does not allow";
  return rule.extra?.(name);
}

/** Throws a component input error when `name` breaks `kind`'s rule. */
export function validateName(v: Validator, field: string, kind: NameKind, name: string): string {
  const problem = nameProblem(kind, name);
  if (problem !== undefined) v.fail(field, name, problem, NAME_RULES[kind].description);
  return name;
}

/** Eight hex characters derived from the input: stable across runs and machines. */
export function shortHash(input: string, length = 8): string {
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

/**
 * Shapes an arbitrary string (for example a component name plus a suffix) into a valid name of `kind`.
 * A name that is already valid comes back unchanged. Anything else is lowercased, disallowed characters
 * are replaced or dropped, and a short hash of the full input is appended (after truncation, when too
 * long), so distinct inputs stay distinct. Throws when the input has no usable character at all.
 */
export function shapeName(kind: NameKind, raw: string): string {
  const rule = NAME_RULES[kind];
  const fail = (problem: string): never => {
    throw new Error(`cannot shape ${JSON.stringify(raw)} into ${rule.description}: the result ${problem}`);
  };
  if (typeof raw !== "string") fail("is not a string");
  if (nameProblem(kind, raw) === undefined) return raw;
  let s = raw.toLowerCase();
  switch (kind) {
    case "azureStorageAccount":
      s = s.replace(/[^a-z0-9]/g, "");
      break;
    case "kubernetesSubdomain":
      // Every dot-separated label must start and end alphanumeric, so hyphens next to a dot go.
      s = s.replace(/[^a-z0-9.-]/g, "-").replace(/-*\.[-.]*/g, ".");
      break;
    case "s3Bucket":
      s = s.replace(/[^a-z0-9.-]/g, "-").replace(/\.{2,}/g, ".");
      break;
    default:
      s = s.replace(/[^a-z0-9-]/g, "-");
  }
  s = s.replace(/-{2,}/g, "-");
  const trim = (x: string): string => x.replace(/^[^a-z0-9]+/, "").replace(/[^a-z0-9]+$/, "");
  s = trim(s);
  if (s.length === 0) fail("has no usable characters");
  if (kind === "gcpResource" && /^[0-9]/.test(s)) s = `g-${s}`;
  // The prefixes S3 reserves survive sanitising ('xn--' does not: hyphens are collapsed); move them off the front.
  if (kind === "s3Bucket" && /^(sthree-|amzn-s3-demo-)/.test(s)) s = `b-${s}`;
  // The input was not valid as given, so the shaped text always carries the hash of the input: two inputs
  // that sanitise to the same text (`Core Logs`, `core_logs`) keep distinct names. A hyphen-free hex tail
  // also keeps clear of S3's reserved suffixes and of IP-address shapes.
  const hash = shortHash(raw, kind === "azureStorageAccount" ? 6 : 8);
  const sep = kind === "azureStorageAccount" ? "" : "-";
  s = `${trim(s.slice(0, rule.maxLength - sep.length - hash.length))}${sep}${hash}`;
  const problem = nameProblem(kind, s);
  if (problem !== undefined) fail(problem);
  return s;
}
