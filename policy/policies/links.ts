// How stack policies find the resources that belong together (a bucket and its public-access block, a
// namespace and its NetworkPolicy): through `propertyDependencies` first, which the engine knows even
// when the value itself is unknown during preview, then by comparing known values.
import type { PolicyResource } from "@pulumi/policy";
import { ifKnown, isUnknownError } from "./unknowns";

/** Values other resources use to point at `target`: its id, ARN and physical name fields, when known. */
export function identities(target: PolicyResource, nameFields: readonly string[] = []): unknown[] {
  const out: unknown[] = [];
  for (const key of ["id", "arn", ...nameFields]) {
    const v = ifKnown(() => target.props[key] as unknown);
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
  read: (props: Record<string, unknown>) => unknown = (props) => props[property],
): boolean {
  const deps = source.propertyDependencies[property] ?? [];
  if (deps.some((d) => d.urn === target.urn)) return true;
  const value = ifKnown(() => read(source.props));
  if (value === undefined || value === null) return false;
  return identities(target, nameFields).includes(value);
}

/** The resources of `types` that refer to `target` through `property`. */
export function referrers(
  resources: readonly PolicyResource[],
  types: readonly string[],
  property: string,
  target: PolicyResource,
  nameFields: readonly string[] = [],
): PolicyResource[] {
  return resources.filter((r) => types.includes(r.type) && refersTo(r, property, target, nameFields));
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
