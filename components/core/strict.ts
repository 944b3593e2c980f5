// Strict argument objects: a component's `args` (and every plain object nested in it) must be a plain
// object whose keys the component declares. An unknown key is refused with the closest known key
// suggested, so a typo (`versionning`, `cidr`) never silently falls back to a default.
import * as pulumi from "@pulumi/pulumi";
import { Validator } from "./validate";

/** The keys of `T` that the list `K` leaves out; `never` when `K` names them all. */
export type MissingKeys<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * The argument keys of an interface, written once and checked against it by the compiler:
 * `argKeys<BucketArgs>()(["environment", …])` does not compile while the list names a key `BucketArgs`
 * lacks, or leaves out one it has (the error names the missing key under `missingKeys`). The list is
 * then the one runtime copy of the interface's keys, so the two cannot drift apart.
 */
export function argKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([MissingKeys<T, K>] extends [never] ? unknown : { readonly missingKeys: MissingKeys<T, K> }),
  ): readonly (keyof T & string)[] => keys;
}

/**
 * Edit distance between two strings (optimal string alignment: insertions, deletions, substitutions
 * and swaps of neighbours each cost one), so `versionning` is one edit from `versioning`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known key a mistyped one most likely meant, or undefined when none is close: within a third of
 * its length in edits (at least two), ignoring case, or a key the word starts (`cidr` → `cidrBlock`).
 */
export function closestKey(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { key: string; score: number } | undefined;
  for (const key of known) {
    const k = key.toLowerCase();
    const distance = editDistance(w, k);
    const close = distance <= Math.max(2, Math.floor(k.length / 3));
    // A prefix of at least three characters is a shortened key, however far it is in edits.
    const score = close ? distance : w.length >= 3 && k.startsWith(w) ? k.length - w.length : Infinity;
    if (score < (best?.score ?? Infinity)) best = { key, score };
  }
  return best?.key;
}

/**
 * True for an object literal (or `Object.create(null)`, or a plain object from another realm); false
 * for arrays, null, Outputs, Promises, resources and class instances.
 */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.Resource.isInstance(value))
    return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Another realm's Object.prototype is not ours, but its own prototype is null like ours.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * Checks that `value` is a plain object with no key outside `keys`, and returns it. `field` is `args`
 * for a component's arguments (unknown keys are then named bare, `versionning`) or the dotted path of
 * a nested object (`containers[0]`, whose unknown keys are `containers[0].imge`). `what` names the
 * object in the error (`the arguments of aws.Bucket`, `a container`).
 */
export function strictObject<T>(
  v: Validator,
  field: string,
  value: T,
  keys: readonly string[],
  what: string,
): T {
  if (!isPlainObject(value)) v.fail(field, value, "is not an object", `${what}: an object ({ … })`);
  for (const key of Object.keys(value)) {
    if (keys.includes(key)) continue;
    const guess = closestKey(key, keys);
    v.fail(
      field === "args" ? key : `${field}.${key}`,
      value[key],
      `is an unknown argument${guess !== undefined ? `; did you mean "${guess}"?` : ""}`,
      `one of the keys of ${what}: ${keys.join(", ")}`,
    );
  }
  return value;
}

/**
 * Checks a component's `args`: a plain object with no key outside `keys`. The component name is
 * checked first, as a non-empty string (Pulumi refuses an empty one only after the component starts).
 */
export function strictArgs<T>(v: Validator, args: T, keys: readonly string[]): T {
  const name: unknown = v.resourceName;
  if (typeof name !== "string" || name.trim() === "") v.fail("name", name, "is empty", "a component name");
  return strictObject(v, "args", args, keys, `the arguments of ${v.component}`);
}
