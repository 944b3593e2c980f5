// What a second `pulumi up` would do to a deployment: two synths of a program (before and after a change,
// both in update mode so every value is known) compared resource by resource, each changed input
// classified by the provider facts (facts/<cloud>/resources.json) as an update, a replacement or a
// refused change. A replacement gives the resource a new id, which changes what its dependents were given,
// so the "after" program is synthesized again with those ids changed until no new replacement appears:
// a replaced key replaces the database it encrypts, as it would in the cloud.
import { createHash } from "crypto";
import { classify, normalizePath, resourceFacts, serverManaged } from "../facts/resources";
import { ChangeKind, Statefulness } from "../facts/types";
import { GraphResource, ResourceGraph, UNKNOWN, reveal } from "./graph";
import { shapeTable } from "./outputs";
import { Program, SynthOptions, synth } from "./synth";

/** One input that differs between the two synths. */
export interface ChangedInput {
  /** The path with array indexes (`settings.databaseFlags[2].value`). */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  /** How the provider treats it; `unclassified` when the facts do not say. */
  readonly change: ChangeKind | "unclassified";
  /** True when the resource's `ignoreChanges` covers it: the engine sends no diff. */
  readonly ignored: boolean;
  /** The fact's source, when classified. */
  readonly source?: string;
}

/** What a change does to one resource. */
export interface ResourceChange {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly stateful: Statefulness | "unknown";
  /** `replace` when any non-ignored input forces it; `refused` when the API refuses one; else `update`. */
  readonly action: "update" | "replace" | "refused";
  readonly protect: boolean;
  readonly inputs: readonly ChangedInput[];
}

/** What a second `up` with the changed program would do. */
export interface Day2Plan {
  /** Resources whose inputs change (ignored changes included, so a reader sees them). */
  readonly changed: readonly ResourceChange[];
  /** Custom resources the change drops (deleted on `up`). */
  readonly deleted: readonly {
    urn: string;
    type: string;
    stateful: Statefulness | "unknown";
    protect: boolean;
  }[];
  /** Custom resources the change adds. */
  readonly created: readonly { urn: string; type: string }[];
  /** The two graphs, the second as of the last round (with replaced ids changed). */
  readonly before: ResourceGraph;
  readonly after: ResourceGraph;
}

/** Leaf values of an input object, by path with indexes (`a.b[0].c`); an empty object or array is a leaf. */
export function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  } else if (typeof value === "object" && value !== null && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** True when an `ignoreChanges` entry covers the input path (indexes and `[*]` ignored). */
export function ignoredBy(ignoreChanges: readonly string[], path: string): boolean {
  const p = normalizePath(path);
  return ignoreChanges.some((i) => {
    const n = normalizePath(i.replace(/\["([^"]+)"\]/g, ".$1"));
    return p === n || p.startsWith(`${n}.`);
  });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The inputs that differ between two registrations of one resource, classified. */
export function changedInputs(before: GraphResource, after: GraphResource): ChangedInput[] {
  const a = leaves(reveal(before.inputs));
  const b = leaves(reveal(after.inputs));
  const out: ChangedInput[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (same(x, y) || (x === UNKNOWN && y === UNKNOWN)) continue;
    const c = classify(after.type, path);
    let change: ChangedInput["change"] = c?.change ?? "unclassified";
    if (change === "replace-if-decreased")
      change = typeof x === "number" && typeof y === "number" && y < x ? "replace" : "update";
    out.push({
      path,
      before: x,
      after: y,
      change,
      ignored: ignoredBy(after.ignoreChanges, path),
      ...(c ? { source: c.source } : {}),
    });
  }
  return out.sort((m, n) => (m.path < n.path ? -1 : 1));
}

function statefulness(type: string): Statefulness | "unknown" {
  return resourceFacts(type)?.stateful ?? "unknown";
}

function compare(before: ResourceGraph, after: ResourceGraph): Omit<Day2Plan, "before" | "after"> {
  const afterByUrn = new Map(after.resources.map((r) => [r.urn, r]));
  const beforeUrns = new Set(before.resources.map((r) => r.urn));
  const changed: ResourceChange[] = [];
  const deleted: Day2Plan["deleted"][number][] = [];
  for (const r of before.resources) {
    if (!r.custom || r.external || r.type.startsWith("pulumi:providers:")) continue;
    // An alias carries the old URN over to the new one: the same resource, not a delete and a create.
    const next = afterByUrn.get(r.urn) ?? after.resources.find((x) => x.aliases.includes(r.urn));
    if (!next) {
      deleted.push({ urn: r.urn, type: r.type, stateful: statefulness(r.type), protect: r.protect });
      continue;
    }
    const inputs = changedInputs(r, next);
    if (inputs.length === 0) continue;
    const live = inputs.filter((i) => !i.ignored);
    const action = live.some((i) => i.change === "replace")
      ? "replace"
      : live.some((i) => i.change === "refused")
        ? "refused"
        : "update";
    changed.push({
      urn: r.urn,
      type: r.type,
      name: r.name,
      stateful: statefulness(r.type),
      action,
      protect: next.protect,
      inputs,
    });
  }
  const created = after.resources
    .filter((r) => r.custom && !r.external && !r.type.startsWith("pulumi:providers:"))
    .filter((r) => !beforeUrns.has(r.urn) && !r.aliases.some((a) => beforeUrns.has(a)))
    .map((r) => ({ urn: r.urn, type: r.type }));
  return { changed, deleted, created };
}

/**
 * What a replaced resource comes back with: a new id, and a new auto-name when the provider names it (a
 * replacement created before the old one is deleted cannot reuse the old name; a name the program sets
 * stays, as it would).
 */
function replacement(
  type: string,
  name: string,
  urn: string,
  inputs: Record<string, unknown>,
): { id: string; state?: Record<string, unknown> } {
  const suffix = createHash("sha256").update(`replaced|${urn}`).digest("hex");
  const named = shapeTable(type.slice(0, type.indexOf(":")))?.resources[type]?.n;
  return {
    id: `replaced-${suffix.slice(0, 12)}`,
    ...(named !== undefined && inputs[named] === undefined
      ? { state: { [named]: `${name}-${suffix.slice(0, 7)}` } }
      : {}),
  };
}

/** Options for {@link planChange}: the synth options both programs share (config, stack …). */
export type Day2Options = Omit<SynthOptions, "preview" | "newResource">;

/**
 * What a second `up` would do after changing `before` to `after`: both synthesized in update mode, every
 * changed input classified by the provider facts, replacements followed to the resources that depend on
 * what was replaced.
 */
export async function planChange(
  before: Program,
  after: Program,
  options: Day2Options = {},
): Promise<Day2Plan> {
  const first = await synth(before, { ...options, preview: false });
  const replaced = new Set<string>();
  let graph = await synth(after, { ...options, preview: false });
  for (let round = 0; round < 8; round++) {
    const result = compare(first, graph);
    const now = result.changed.filter((c) => c.action === "replace").map((c) => c.urn);
    if (now.every((u) => replaced.has(u))) return { ...result, before: first, after: graph };
    for (const u of now) replaced.add(u);
    // A replaced resource comes back with a new id (and a new auto-name): synthesize again so that its
    // dependents see the values they would get in the cloud.
    graph = await synth(after, {
      ...options,
      preview: false,
      newResource: ({ type, name, urn, inputs }) =>
        replaced.has(urn) ? replacement(type, name, urn, inputs) : undefined,
    });
  }
  throw new Error("replacements kept spreading after 8 rounds: a dependency cycle in the facts?");
}

/** A property the server changes after create that a resource sets without ignoring later changes. */
export interface ServerDrift {
  readonly urn: string;
  readonly type: string;
  readonly path: string;
  readonly why: string;
  readonly source: string;
}

/**
 * Every input of `graph` that the server changes after create (by the facts) which the resource sets and
 * does not ignore: the next `up` would fight the server (a perpetual diff, or worse, a shrink).
 */
export function serverDrift(graph: ResourceGraph): ServerDrift[] {
  const out: ServerDrift[] = [];
  for (const r of graph.resources) {
    if (!r.custom) continue;
    const facts = serverManaged(r.type);
    if (facts.length === 0) continue;
    const inputs = leaves(reveal(r.inputs));
    const valueAt = (path: string): unknown => [...inputs].find(([p]) => normalizePath(p) === path)?.[1];
    for (const f of facts) {
      const applies = Object.entries(f.when ?? {}).every(([p, v]) => same(valueAt(p), v));
      const set = [...inputs].some(([p, value]) => {
        const n = normalizePath(p);
        const at = n === f.path || n.startsWith(`${f.path}.`);
        return at && (f.matches === undefined || new RegExp(f.matches).test(String(value)));
      });
      if (applies && set && !ignoredBy(r.ignoreChanges, f.path))
        out.push({ urn: r.urn, type: r.type, path: f.path, why: f.why, source: f.source });
    }
  }
  return out;
}

/** Inputs of custom resources in `graph` that the facts do not classify (or whose type has no facts). */
export function unclassifiedInputs(graph: ResourceGraph): { urn: string; type: string; path: string }[] {
  const out: { urn: string; type: string; path: string }[] = [];
  for (const r of graph.resources) {
    if (!r.custom || r.external || r.type.startsWith("pulumi:providers:")) continue;
    if (!resourceFacts(r.type)) {
      out.push({ urn: r.urn, type: r.type, path: "(no facts for this type)" });
      continue;
    }
    const seen = new Set<string>();
    for (const path of leaves(reveal(r.inputs)).keys()) {
      const n = normalizePath(path);
      if (seen.has(n)) continue;
      seen.add(n);
      if (n !== "" && !classify(r.type, n)) out.push({ urn: r.urn, type: r.type, path: n });
    }
  }
  return out;
}
