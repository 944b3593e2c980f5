// `npm run urns:update`: records the current URNs of every stack, printing what changed. Run it only
// when a change to the URNs is intended (and, for renames, covered by an alias and a CHANGELOG entry).
import { compareWithLock, platformGraph, stackNames, writeLock } from "./platform";
import { urnList } from "../../engine/urns";

async function main(): Promise<void> {
  for (const stack of stackNames()) {
    const graph = await platformGraph(stack);
    const { changes, text } = compareWithLock(stack, graph);
    console.log(text);
    if (changes.length > 0) writeLock(stack, urnList(graph));
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
