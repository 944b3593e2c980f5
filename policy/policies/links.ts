// How stack policies find the resources that belong together (a bucket and its public-access block, a
// namespace and its NetworkPolicy): through `propertyDependencies` first, which the engine knows even
// when the value itself is unknown during preview, then by comparing known values.
// Lookups go through an index built once per `args.resources` array (the server builds a fresh one for
// each stack policy), so a policy that links every bucket to its parts is linear, not quadratic.
import type { PolicyResource } from "@pulumi/policy";
import { ifKnown, isUnknownError, knownField } from "./unknowns";

type Read = (props: Record<string, unknown>) => unknown;

/** Values other resources use to point at `target`: its id, ARN and physical name fields, when known. */
export function identities(target: PolicyResource, nameFields: readonly string[] = []): unknown[] {
  const out: unknown[] = [];
  for (const key of ["id", "arn", ...nameFields]) {
    const v = knownField(target.props, key);
    if (typeof v === "string" && v !== "") out.push(v);
  }
  return out;
}

/**
 * True when `source` refers to `target` through its `property` input: the engine recorded the target
 * as a dependency of that property, or the (known) value equals one of the target's identities.
 */
export function refersTo(
  source: PolicyResource,
  property: string,
  target: PolicyResource,
  nameFields: readonly string[] = [],
  read: Read = (props) => props[property],
): boolean {
  const deps = source.propertyDependencies[property] ?? [];
  if (deps.some((d) => d.urn === target.urn)) return true;
  const value = ifKnown(() => read(source.props));
  if (value === undefined || value === null) return false;
  return identities(target, nameFields).includes(value);
}

/** Sources of one (types, property, read) link, indexed by the URNs and the values they point at. */
interface ReferrerIndex {
  readonly position: Map<PolicyResource, number>;
  readonly byDependency: Map<string, PolicyResource[]>;
  /** Only strings: identities are non-empty strings, so no other value can match one. */
  readonly byValue: Map<string, PolicyResource[]>;
}

// resources array → "types|property" → read function → index. Weak on the array: one per evaluation.
const referrerIndexes = new WeakMap<
  readonly PolicyResource[],
  Map<string, Map<Read | undefined, ReferrerIndex>>
>();

function push<K>(map: Map<K, PolicyResource[]>, key: K, r: PolicyResource): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== r) list.push(r);
  } else map.set(key, [r]);
}

function referrerIndex(
  resources: readonly PolicyResource[],
  types: readonly string[],
  property: string,
  read: Read | undefined,
): ReferrerIndex {
  let byKey = referrerIndexes.get(resources);
  if (!byKey) referrerIndexes.set(resources, (byKey = new Map()));
  const key = `${types.join(",")}|${property}`;
  let byRead = byKey.get(key);
  if (!byRead) byKey.set(key, (byRead = new Map()));
  const cached = byRead.get(read);
  if (cached) return cached;
  const index: ReferrerIndex = { position: new Map(), byDependency: new Map(), byValue: new Map() };
  resources.forEach((r, i) => {
    if (!types.includes(r.type)) return;
    index.position.set(r, i);
    for (const d of r.propertyDependencies[property] ?? []) push(index.byDependency, d.urn, r);
    const value = read ? ifKnown(() => read(r.props)) : knownField(r.props, property);
    if (typeof value === "string") push(index.byValue, value, r);
  });
  byRead.set(read, index);
  return index;
}

/**
 * The resources of `types` that refer to `target` through `property` (read with `read` when the link
 * sits deeper than a top-level input), in the order of `resources`: what filtering `resources` with
 * {@link refersTo} gives, from an index built once per array.
 */
export function referrers(
  resources: readonly PolicyResource[],
  types: readonly string[],
  property: string,
  target: PolicyResource,
  nameFields: readonly string[] = [],
  read?: Read,
): PolicyResource[] {
  const index = referrerIndex(resources, types, property, read);
  const found = new Set<PolicyResource>(index.byDependency.get(target.urn) ?? []);
  for (const id of identities(target, nameFields)) {
    for (const r of index.byValue.get(id as string) ?? []) found.add(r);
  }
  return [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/** Targets of one (types, identity fields) kind, indexed by URN and by identity. */
interface TargetIndex {
  readonly position: Map<PolicyResource, number>;
  readonly byUrn: Map<string, PolicyResource>;
  readonly byIdentity: Map<string, PolicyResource[]>;
}

const targetIndexes = new WeakMap<readonly PolicyResource[], Map<string, TargetIndex>>();

function targetIndex(
  resources: readonly PolicyResource[],
  types: readonly string[],
  nameFields: readonly string[],
): TargetIndex {
  let byKey = targetIndexes.get(resources);
  if (!byKey) targetIndexes.set(resources, (byKey = new Map()));
  const key = `${types.join(",")}|${nameFields.join(",")}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const index: TargetIndex = { position: new Map(), byUrn: new Map(), byIdentity: new Map() };
  resources.forEach((r, i) => {
    if (!types.includes(r.type)) return;
    index.position.set(r, i);
    index.byUrn.set(r.urn, r);
    for (const id of identities(r, nameFields)) push(index.byIdentity, id as string, r);
  });
  byKey.set(key, index);
  return index;
}

/**
 * The resources of `types` that `source` refers to through `property`, in the order of `resources`:
 * what filtering them with `refersTo(source, property, target, nameFields)` gives, from an index.
 */
export function referenced(
  resources: readonly PolicyResource[],
  types: readonly string[],
  source: PolicyResource,
  property: string,
  nameFields: readonly string[] = [],
): PolicyResource[] {
  const index = targetIndex(resources, types, nameFields);
  const found = new Set<PolicyResource>();
  for (const d of source.propertyDependencies[property] ?? []) {
    const t = index.byUrn.get(d.urn);
    if (t) found.add(t);
  }
  const value = ifKnown(() => source.props[property]);
  if (typeof value === "string") for (const t of index.byIdentity.get(value) ?? []) found.add(t);
  return [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/**
 * Runs `check` for each item; when it reads an unknown value, that item is reported as undecided and
 * the others are still checked (the CrossGuard server would otherwise give up on the whole stack).
 */
export function eachOf(
  items: readonly PolicyResource[],
  report: { undecided(message: string, urn?: string): void },
  check: (item: PolicyResource) => void,
): void {
  for (const item of items) {
    try {
      check(item);
    } catch (err) {
      if (!isUnknownError(err)) throw err;
      report.undecided(`"${item.name}": ${err.message}`, item.urn);
    }
  }
}
