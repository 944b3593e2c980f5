// The resource facts of every cloud, and the questions the day-2 tests ask of them: how does the provider
// treat a change to this input, what does the server change after create, what must exist first. Loaded
// by tests and tools, never by a component (components read facts/locations.ts only).
import awsFacts from "./aws/resources.json";
import azureFacts from "./azure/resources.json";
import gcpFacts from "./gcp/resources.json";
import kubernetesFacts from "./kubernetes/resources.json";
import {
  ChangeKind,
  Classification,
  PropertyFact,
  ResourceFact,
  ResourceFactsFile,
  ServerManagedFact,
} from "./types";

/** The clouds with a facts file, by the first segment of their type tokens. */
export const FACT_FILES: Readonly<Record<string, ResourceFactsFile>> = {
  aws: awsFacts as unknown as ResourceFactsFile,
  gcp: gcpFacts as unknown as ResourceFactsFile,
  "azure-native": azureFacts as unknown as ResourceFactsFile,
  kubernetes: kubernetesFacts as unknown as ResourceFactsFile,
};

/** The facts file that covers a type token (`gcp:sql/databaseInstance:DatabaseInstance` → gcp). */
export function factsFileOf(type: string): ResourceFactsFile | undefined {
  return FACT_FILES[type.slice(0, type.indexOf(":"))];
}

/** Everything known about a resource type, or undefined when it has no entry. */
export function resourceFacts(type: string): ResourceFact | undefined {
  return factsFileOf(type)?.types[type];
}

/** The web address of a derived entry's provider file (a commit-pinned GitHub link). */
export function derivedSource(type: string): string | undefined {
  const file = factsFileOf(type);
  const fact = file?.types[type];
  const from = fact?.derivedFrom;
  if (!file || !from) return fact?.source;
  const src = file.sources[from.source];
  return from.entries
    .map((e) => `https://github.com/${src.repo}/blob/${src.commit}/${e.file} (${e.entry})`)
    .join("; ");
}

/** A path without array indexes: `lifecycleRules[0].condition` → `lifecycleRules.condition`. */
export function normalizePath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, "").replace(/^\./, "");
}

/** True when `ancestor` is `path` or one of its ancestors. */
function covers(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** The longest path of `paths` that covers `path`. */
function longestCover(paths: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const p of paths) if (covers(p, path) && (best === undefined || p.length > best.length)) best = p;
  return best;
}

/**
 * How the provider treats a change to the input at `path` (Pulumi's names, dots between segments,
 * array indexes ignored) of a resource of `type`: the most specific fact wins, a single-property fact
 * over the lists at equal depth. Undefined when the facts do not classify it.
 */
export function classify(type: string, path: string): Classification | undefined {
  const fact = resourceFacts(type);
  if (!fact) return undefined;
  const p = normalizePath(path);
  const source = derivedSource(type) ?? "";
  const candidates: { path: string; change: ChangeKind; source: string }[] = [];
  const listed = (paths: readonly string[], change: ChangeKind): void => {
    const m = longestCover(paths, p);
    if (m !== undefined) candidates.push({ path: m, change, source });
  };
  listed(fact.replace, "replace");
  listed(fact.update, "update");
  for (const prop of fact.properties ?? [])
    if (covers(prop.path, p)) candidates.push({ path: prop.path, change: prop.change, source: prop.source });
  if (candidates.length === 0) return undefined;
  // Deepest first; at equal depth a single-property fact, then `replace` (the cautious reading).
  const rank = (c: (typeof candidates)[number]): number =>
    c.path.length * 4 +
    ((fact.properties ?? []).some((x) => x.path === c.path && x.change === c.change) ? 2 : 0) +
    (c.change === "replace" ? 1 : 0);
  const best = candidates.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  return { change: best.change, matched: best.path, source: best.source };
}

/** The properties the server changes after create, for a type. */
export function serverManaged(type: string): readonly ServerManagedFact[] {
  return resourceFacts(type)?.server ?? [];
}

/** The single-property facts of a type. */
export function propertyFacts(type: string): readonly PropertyFact[] {
  return resourceFacts(type)?.properties ?? [];
}

/** Every type with facts, with its facts. */
export function allResourceFacts(): [string, ResourceFact][] {
  return Object.values(FACT_FILES).flatMap((f) => Object.entries(f.types));
}
