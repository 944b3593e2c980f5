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

/** True when the resource is of one of the given types (exact tokens). */
export function isOfType(resource: { readonly type: string }, types: readonly string[]): boolean {
  return types.includes(resource.type);
}

/** Resources of the given types (exact tokens), in the order of `resources`. */
export function ofTypes(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
  return resources.filter((r) => types.includes(r.type));
}

/** Adds `r` under `key`, once (resources are added in order, so a repeat is always the last entry). */
export function addOnce<K>(map: Map<K, PolicyResource[]>, key: K, r: PolicyResource): void {
  // NaN never equals itself under ===, but a Map would match it: keep it out, as a comparison would.
  if (typeof key === "number" && Number.isNaN(key)) return;
  const found = map.get(key);
  if (!found) map.set(key, [r]);
  else if (found[found.length - 1] !== r) found.push(r);
}

/** The distinct resources of `found`, in the order of `position` (their index in `args.resources`). */
export function inOrder(
  position: Map<PolicyResource, number>,
  found: Iterable<PolicyResource>,
): PolicyResource[] {
  return [...new Set(found)].sort((a, b) => position.get(a)! - position.get(b)!);
}

/**
 * A per-evaluation cache of indexes over `args.resources`. The server builds a fresh array for each
 * stack policy, so keying weakly on the array gives one index per evaluation, built once.
 */
export function indexCache<I>(): (resources: readonly PolicyResource[], key: string, build: () => I) => I {
  const byArray = new WeakMap<readonly PolicyResource[], Map<string, I>>();
  return (resources, key, build) => {
    let byKey = byArray.get(resources);
    if (!byKey) byArray.set(resources, (byKey = new Map()));
    let index = byKey.get(key);
    if (index === undefined) byKey.set(key, (index = build()));
    return index;
  };
}

/** Sources of one (types, property, read) link, indexed by the URNs and the values they point at. */
interface ReferrerIndex {
  readonly position: Map<PolicyResource, number>;
  readonly byDependency: Map<string, PolicyResource[]>;
  /** Only strings: identities are non-empty strings, so no other value can match one. */
  readonly byValue: Map<string, PolicyResource[]>;
}

const referrerIndexes = indexCache<ReferrerIndex>();
// Readers are module-level functions; a number per reader puts them in the cache key.
const readerIds = new Map<Read, number>();

function readerId(read: Read | undefined): number {
  if (read === undefined) return 0;
  if (!readerIds.has(read)) readerIds.set(read, readerIds.size + 1);
  return readerIds.get(read)!;
}

function referrerIndex(
  resources: readonly PolicyResource[],
  types: readonly string[],
  property: string,
  read: Read | undefined,
): ReferrerIndex {
  return referrerIndexes(resources, `${types.join(",")}|${property}|${readerId(read)}`, () => {
    const index: ReferrerIndex = { position: new Map(), byDependency: new Map(), byValue: new Map() };
    resources.forEach((r, i) => {
      if (!types.includes(r.type)) return;
      index.position.set(r, i);
      for (const d of r.propertyDependencies[property] ?? []) addOnce(index.byDependency, d.urn, r);
      const value = read ? ifKnown(() => read(r.props)) : knownField(r.props, property);
      if (typeof value === "string") addOnce(index.byValue, value, r);
    });
    return index;
  });
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
  const found = [...(index.byDependency.get(target.urn) ?? [])];
  for (const id of identities(target, nameFields)) found.push(...(index.byValue.get(id as string) ?? []));
  return inOrder(index.position, found);
}

/** Targets of one (types, identity fields) kind, indexed by URN and by identity. */
interface TargetIndex {
  readonly position: Map<PolicyResource, number>;
  readonly byUrn: Map<string, PolicyResource>;
  readonly byIdentity: Map<string, PolicyResource[]>;
}

const targetIndexes = indexCache<TargetIndex>();

function targetIndex(
  resources: readonly PolicyResource[],
  types: readonly string[],
  nameFields: readonly string[],
): TargetIndex {
  return targetIndexes(resources, `${types.join(",")}|${nameFields.join(",")}`, () => {
    const index: TargetIndex = { position: new Map(), byUrn: new Map(), byIdentity: new Map() };
    resources.forEach((r, i) => {
      if (!types.includes(r.type)) return;
      index.position.set(r, i);
      index.byUrn.set(r.urn, r);
      for (const id of identities(r, nameFields)) addOnce(index.byIdentity, id as string, r);
    });
    return index;
  });
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
  const found: PolicyResource[] = [];
  for (const d of source.propertyDependencies[property] ?? []) {
    const t = index.byUrn.get(d.urn);
    if (t) found.push(t);
  }
  const value = ifKnown(() => source.props[property]);
  if (typeof value === "string") found.push(...(index.byIdentity.get(value) ?? []));
  return inOrder(index.position, found);
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
