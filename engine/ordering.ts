// Creation order as the engine derives it from a graph: a resource is created after everything it depends
// on (explicit `dependsOn` and every input's dependencies), and depending on a component means waiting for
// all of that component's descendants. Used by the tests that prove a first `up` creates things in the
// order the cloud needs (a key grant before the resource that uses the key, an API before its resources).
import { ResourceGraph } from "./graph";

/** Answers "is `urn` created only after `other` exists?" for one graph. */
export class CreationOrder {
  private readonly direct = new Map<string, readonly string[]>();
  private readonly children = new Map<string, string[]>();
  private readonly custom = new Set<string>();
  private readonly memo = new Map<string, Set<string>>();

  constructor(graph: ResourceGraph) {
    for (const r of graph.resources) {
      this.direct.set(r.urn, r.dependencies);
      if (r.custom) this.custom.add(r.urn);
      if (r.parent) this.children.set(r.parent, [...(this.children.get(r.parent) ?? []), r.urn]);
    }
  }

  /** Every resource `urn` waits for, components expanded to their descendants. */
  waitsForAll(urn: string): ReadonlySet<string> {
    const known = this.memo.get(urn);
    if (known) return known;
    const out = new Set<string>();
    const stack = [...(this.direct.get(urn) ?? [])];
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (out.has(u)) continue;
      out.add(u);
      stack.push(...(this.direct.get(u) ?? []), ...(this.children.get(u) ?? []));
    }
    this.memo.set(urn, out);
    return out;
  }

  /** True when `urn` is created only after `other` (directly or through what it waits for). */
  waitsFor(urn: string, other: string): boolean {
    return this.waitsForAll(urn).has(other);
  }
}
