// Refactor safety: a stack's URN list, and a readable diff between two lists that says which changes
// would replace resources in a real deployment (rename, re-parent, drop) and which an alias covers.
import { ResourceGraph, urnName, urnQualifiedType } from "./graph";

/** One URN change, classified. */
export interface UrnChange {
  readonly kind: "renamed" | "re-parented" | "dropped" | "added";
  readonly from?: string;
  readonly to?: string;
  /** True when the new resource declares the old URN as an alias, so the engine would not replace it. */
  readonly aliased: boolean;
}

/** The sorted URNs of every resource in the graph (the stack included). */
export function urnList(graph: ResourceGraph): string[] {
  return graph.resources.map((r) => r.urn).sort();
}

function leafType(urn: string): string {
  return urnQualifiedType(urn).split("$").pop() ?? "";
}

/**
 * Classifies the difference between the recorded list and the current one. A removed and an added URN
 * with the same leaf type and name are a re-parent; with the same type chain and a different name, a
 * rename (paired only when the match is unambiguous). `aliasesOf` gives each current URN's aliases.
 */
export function diffUrns(
  expected: readonly string[],
  actual: readonly string[],
  aliasesOf: (urn: string) => readonly string[] = () => [],
): UrnChange[] {
  const before = new Set(expected);
  const after = new Set(actual);
  const removed = expected.filter((u) => !after.has(u));
  const added = actual.filter((u) => !before.has(u));
  const changes: UrnChange[] = [];
  const usedAdded = new Set<string>();
  const usedRemoved = new Set<string>();
  const aliased = (from: string, to: string): boolean => aliasesOf(to).includes(from);

  // Exact alias matches first: the author said where the resource came from.
  for (const to of added) {
    const from = removed.find((r) => !usedRemoved.has(r) && aliased(r, to));
    if (!from) continue;
    const kind = urnName(from) === urnName(to) ? "re-parented" : "renamed";
    changes.push({ kind, from, to, aliased: true });
    usedAdded.add(to);
    usedRemoved.add(from);
  }
  for (const from of removed) {
    if (usedRemoved.has(from)) continue;
    const reparent = added.filter(
      (a) => !usedAdded.has(a) && leafType(a) === leafType(from) && urnName(a) === urnName(from),
    );
    const rename = added.filter((a) => !usedAdded.has(a) && urnQualifiedType(a) === urnQualifiedType(from));
    const pick = reparent.length === 1 ? reparent[0] : rename.length === 1 ? rename[0] : undefined;
    if (pick) {
      changes.push({
        kind: reparent.length === 1 ? "re-parented" : "renamed",
        from,
        to: pick,
        aliased: false,
      });
      usedAdded.add(pick);
      usedRemoved.add(from);
    }
  }
  for (const from of removed)
    if (!usedRemoved.has(from)) changes.push({ kind: "dropped", from, aliased: false });
  for (const to of added) if (!usedAdded.has(to)) changes.push({ kind: "added", to, aliased: false });
  return changes;
}

/** Renders changes for people, one per line, saying what a real deployment would do. */
export function formatUrnChanges(stack: string, changes: readonly UrnChange[]): string {
  if (changes.length === 0) return `stack ${stack}: no URN changes`;
  const lines = [`stack ${stack}: ${changes.length} URN change(s)`];
  for (const c of changes) {
    const effect =
      c.kind === "added"
        ? "new resource"
        : c.aliased
          ? "covered by an alias: no replacement"
          : c.kind === "dropped"
            ? "would be DELETED"
            : "would be REPLACED (delete and create) unless aliased";
    if (c.kind === "added") lines.push(`  + added        ${c.to}  (${effect})`);
    else if (c.kind === "dropped") lines.push(`  - dropped      ${c.from}  (${effect})`);
    else lines.push(`  ~ ${c.kind.padEnd(12)} ${c.from}\n                 -> ${c.to}  (${effect})`);
  }
  return lines.join("\n");
}
