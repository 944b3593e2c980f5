// Shared by the stack specs and the URN update command: synthesize each stack of the reference platform
// once per process, and keep its URN list under tests/stacks/urns/<stack>.txt.
import * as fs from "fs";
import * as path from "path";
import { synthProject } from "../../check/gate";
import { ResourceGraph } from "../../engine/graph";
import { diffUrns, formatUrnChanges, UrnChange, urnList } from "../../engine/urns";
import { serverDrift, unclassifiedInputs } from "../../engine/day2";

/** The repository root (this file runs from dist/tests/stacks). */
export const ROOT = path.resolve(__dirname, "../../..");
/** The recorded URN lists live in the source tree, not in dist. */
export const URN_DIR = path.join(ROOT, "tests/stacks/urns");

/** The stacks that have a `stacks/Pulumi.<stack>.yaml`. */
export function stackNames(): string[] {
  return fs
    .readdirSync(path.join(ROOT, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

const cache = new Map<string, Promise<ResourceGraph>>();

/**
 * The stack's graph, synthesized once per process: in preview mode (what a pull request sees), or in
 * update mode, where every output is known and what a preview leaves undecided is decided.
 */
export function platformGraph(stack: string, update = false): Promise<ResourceGraph> {
  const key = `${stack}${update ? " (update)" : ""}`;
  let g = cache.get(key);
  if (!g) {
    g = synthProject(ROOT, stack, update).then((r) => r.graph);
    cache.set(key, g);
  }
  return g;
}

export function lockFile(stack: string): string {
  return path.join(URN_DIR, `${stack}.txt`);
}

export function readLock(stack: string): string[] | undefined {
  const file = lockFile(stack);
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
}

export function writeLock(stack: string, urns: readonly string[]): void {
  fs.mkdirSync(URN_DIR, { recursive: true });
  const header =
    `# URNs of the ${stack} stack. A change here renames, re-parents, drops or adds resources: in a real\n` +
    `# deployment the first three replace or delete them. Regenerate deliberately with \`npm run urns:update\`.\n`;
  fs.writeFileSync(lockFile(stack), header + urns.join("\n") + "\n");
}

/** Compares the stack's current URNs with the recorded list. */
export function compareWithLock(stack: string, graph: ResourceGraph): { changes: UrnChange[]; text: string } {
  const recorded = readLock(stack) ?? [];
  const aliases = new Map(graph.resources.map((r) => [r.urn, r.aliases]));
  const changes = diffUrns(recorded, urnList(graph), (u) => aliases.get(u) ?? []);
  return { changes, text: formatUrnChanges(stack, changes) };
}

/** Registers the test that a stack's URNs match its recorded list, in the spec that synthesizes it. */
export function assertUrnsLocked(stack: string): void {
  it(`${stack}: the URNs match tests/stacks/urns/${stack}.txt`, async () => {
    const { changes, text } = compareWithLock(stack, await platformGraph(stack));
    if (changes.length > 0)
      throw new Error(`${text}\nIf this is intended, run \`npm run urns:update\` and commit the list.`);
  });
}

/**
 * The clouds whose provider facts (facts/<cloud>/resources.json) classify every type the stacks create;
 * a cloud joins once its facts are complete.
 */
export const FACTS_CLOUDS: readonly string[] = ["gcp", "aws", "kubernetes", "azure-native"];

/**
 * Registers the test that every input the stack sets is classified by the provider facts (so the day-2
 * tests can tell an update from a replacement), and that no property the server changes after create is
 * set without `ignoreChanges`. Update mode: every value known.
 */
export function assertFactsCover(stack: string): void {
  it(`${stack}: the provider facts classify every input it sets, and nothing the server changes is fought`, async () => {
    const graph = await platformGraph(stack, true);
    const covered = (type: string): boolean => FACTS_CLOUDS.includes(type.split(":")[0]);
    const unclassified = unclassifiedInputs(graph).filter((u) => covered(u.type));
    if (unclassified.length > 0)
      throw new Error(
        `inputs the facts do not classify (add them to facts/<cloud>/resources.json):\n` +
          unclassified.map((u) => `  ${u.type} ${u.urn.split("::").pop()}: ${u.path}`).join("\n"),
      );
    const drift = serverDrift(graph).filter((d) => covered(d.type));
    if (drift.length > 0)
      throw new Error(
        `properties the server changes, set without ignoreChanges:\n` +
          drift
            .map((d) => `  ${d.type} ${d.urn.split("::").pop()}: ${d.path} (${d.why}; ${d.source})`)
            .join("\n"),
      );
  });
}
