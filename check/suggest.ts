// "Did you mean": the closest known name to a mistyped one, for policy names in a pack config and pack
// directories on the command line, instead of a list of every name. The matching is the components' own
// (core/strict), loaded only on the error path: it imports the SDK's root, which the gate never needs.
import * as fs from "fs";
import * as path from "path";

/** The known name `word` most likely meant, or undefined when none is close. */
export function closestName(word: string, known: readonly string[]): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { closestKey } = require("../components/core/strict") as typeof import("../components/core/strict");
  return closestKey(word, known);
}

/**
 * For a `--policy-pack DIR` that is no pack: the closest directory beside it that is one (has a
 * PulumiPolicy.yaml), as `; did you mean "./policy"?`, or "" when there is none close.
 */
export function didYouMeanPack(dir: string): string {
  const parent = path.dirname(path.resolve(dir));
  let packs: string[] = [];
  try {
    packs = fs
      .readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(parent, e.name, "PulumiPolicy.yaml")))
      .map((e) => e.name);
  } catch {
    return "";
  }
  const near = closestName(path.basename(path.resolve(dir)), packs);
  if (near === undefined) return "";
  const shown = path.join(path.dirname(dir), near);
  return `; did you mean "${path.isAbsolute(shown) ? shown : `./${shown.replace(/^\.\//, "")}`}"?`;
}
