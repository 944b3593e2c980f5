// Which objects share a namespace: by `metadata.namespace` when it is known, else through the `metadata`
// dependency the engine records on a Namespace resource (its name is unknown during preview).
import type { PolicyResource } from "@pulumi/policy";
import { Props, record } from "../../runtime/props";
import { addOnce, inOrder, indexCache } from "../../runtime/links";
import { ifKnown } from "../../runtime/unknowns";

const NAMESPACE_URN = "::kubernetes:core/v1:Namespace::";

/** `metadata.namespace` of an object (undefined when unset). */
export function namespaceOf(r: { props: Props }): unknown {
  return record(r.props.metadata).namespace;
}

/** Objects of some types, indexed by the namespace they name and the namespaces they depend on. */
interface NamespaceIndex {
  readonly position: Map<PolicyResource, number>;
  /** By `metadata` property dependency (any URN). */
  readonly byDependency: Map<string, PolicyResource[]>;
  /** By `metadata.namespace` when known (not defaulted). */
  readonly byName: Map<unknown, PolicyResource[]>;
  /** By `metadata.namespace`, "default" when unset or unknown. */
  readonly byEffectiveName: Map<unknown, PolicyResource[]>;
  /** By `metadata` dependency on a Namespace. */
  readonly byNamespaceDependency: Map<string, PolicyResource[]>;
}

// One index per evaluation and list of types, so matching every namespace or workload against its
// companions stays linear.
const namespaceIndexes = indexCache<NamespaceIndex>();

/** The objects of `types`, indexed by namespace (built once per evaluation). */
export function namespaceIndex(
  resources: readonly PolicyResource[],
  types: readonly string[],
): NamespaceIndex {
  return namespaceIndexes(resources, types.join(","), () => {
    const index: NamespaceIndex = {
      position: new Map(),
      byDependency: new Map(),
      byName: new Map(),
      byEffectiveName: new Map(),
      byNamespaceDependency: new Map(),
    };
    resources.forEach((r, i) => {
      if (!types.includes(r.type)) return;
      index.position.set(r, i);
      for (const d of r.propertyDependencies.metadata ?? []) {
        addOnce(index.byDependency, d.urn, r);
        if (d.urn.includes(NAMESPACE_URN)) addOnce(index.byNamespaceDependency, d.urn, r);
      }
      const theirs = ifKnown(() => namespaceOf(r));
      if (theirs !== undefined) addOnce(index.byName, theirs, r);
      addOnce(index.byEffectiveName, theirs ?? "default", r);
    });
    return index;
  });
}

/** Objects in the namespace `ns`: by the namespace name when known, else through the recorded dependency. */
export function inNamespace(
  resources: readonly PolicyResource[],
  types: readonly string[],
  ns: PolicyResource,
): PolicyResource[] {
  const index = namespaceIndex(resources, types);
  const name = ifKnown(() => record(ns.props.metadata).name);
  return inOrder(index.position, [
    ...(index.byDependency.get(ns.urn) ?? []),
    ...(name !== undefined ? (index.byName.get(name) ?? []) : []),
  ]);
}

/**
 * The resources of `types` in the same namespace as `w`, in the order of `resources`: the same
 * `metadata.namespace` ("default" when unset or unknown), or a `metadata` dependency on the same
 * Namespace resource (its name unknown in preview).
 */
export function sameNamespaceAs(
  resources: readonly PolicyResource[],
  types: readonly string[],
  w: PolicyResource,
): PolicyResource[] {
  const index = namespaceIndex(resources, types);
  const mine = ifKnown(() => namespaceOf(w)) ?? "default";
  const found = [...(index.byEffectiveName.get(mine) ?? [])];
  for (const d of w.propertyDependencies.metadata ?? []) {
    if (d.urn.includes(NAMESPACE_URN)) found.push(...(index.byNamespaceDependency.get(d.urn) ?? []));
  }
  return inOrder(index.position, found);
}
