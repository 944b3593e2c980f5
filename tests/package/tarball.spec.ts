// Packaging: what the tarball holds. Every shipped source map's `sources` resolve to a file in the
// tarball (an error's location opens in the installed package), and nothing the package does not run
// (tests, benchmarks, reference stacks, examples) ships.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");

describe("packaging: the tarball's contents", function () {
  this.timeout(120_000);
  let files: Set<string>;

  before(() => {
    // --ignore-scripts: dist is already built (npm test builds first); prepack would rebuild it.
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
  });

  it("ships the TypeScript source of every source map", () => {
    const maps = [...files].filter((f) => f.endsWith(".js.map"));
    assert.ok(maps.length > 100, `${maps.length} maps`);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(fs.readFileSync(path.join(ROOT, map), "utf8")) as { sources: string[] };
      for (const s of sources) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(map), s));
        if (resolved.startsWith("../") || !files.has(resolved)) missing.push(`${map} -> ${resolved}`);
      }
    }
    assert.deepEqual(missing.slice(0, 10), [], `${missing.length} map sources not shipped`);
  });

  it("ships no tests, benchmarks, stacks or examples, compiled or not", () => {
    const stray = [...files].filter((f) => /^(dist\/)?(tests|bench|stacks|examples)\//.test(f));
    assert.deepEqual(stray, []);
  });

  it("ships the entry points, the CLI and the built-in pack's manifest", () => {
    for (const f of [
      "dist/components/index.js",
      "dist/testing/index.d.ts",
      "dist/cli/main.js",
      "cli/main.ts",
      "policy/PulumiPolicy.yaml",
    ]) {
      assert.ok(files.has(f), f);
    }
  });
});
