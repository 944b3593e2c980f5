// Core is cloud-neutral: no core file imports a cloud folder (deprecated.ts alone reaches the pure cloud
// files, lazily), so loading core loads no cloud folder, and loading one cloud loads no other.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const CLOUDS = ["aws", "gcp", "azure", "kubernetes"] as const;

/** The cloud folders whose compiled files are in the require cache after `script` runs in a fresh process. */
function cloudsLoaded(script: string): string[] {
  const out = execFileSync(
    process.execPath,
    ["-e", `${script}; process.stdout.write(JSON.stringify(Object.keys(require.cache)))`],
    { cwd: ROOT, encoding: "utf8" },
  );
  const files = (JSON.parse(out) as string[]).map((f) =>
    path.relative(path.join(ROOT, "dist", "components"), f),
  );
  return CLOUDS.filter((c) => files.some((f) => f.startsWith(`${c}${path.sep}`)));
}

const at = (p: string): string => JSON.stringify(path.join(ROOT, "dist", "components", p));

describe("core: cloud-neutral", function () {
  this.timeout(60_000);

  it("no core source imports a cloud folder, except deprecated.ts (type imports and lazy requires)", () => {
    const dir = path.join(ROOT, "components", "core");
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ts") && n !== "deprecated.ts")) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      assert.doesNotMatch(src, /from\s+["']\.\.\/(aws|gcp|azure|kubernetes)/, f);
      assert.doesNotMatch(src, /require\(["']\.\.\/(aws|gcp|azure|kubernetes)/, f);
    }
    const deprecated = fs.readFileSync(path.join(dir, "deprecated.ts"), "utf8");
    assert.doesNotMatch(deprecated, /^import (?!type)[^;]*from\s+["']\.\.\//m);
  });

  it("loading core loads no cloud folder; a deprecated name loads only its own cloud's pure file", () => {
    assert.deepEqual(cloudsLoaded(`require(${at("core")})`), []);
    assert.deepEqual(cloudsLoaded(`require(${at("core")}).NAME_RULES.s3Bucket`), ["aws"]);
    assert.deepEqual(cloudsLoaded(`require(${at("core")}).profileSizes("dev")`), ["aws", "kubernetes"]);
  });

  it("loading one cloud's entry loads no other cloud folder", () => {
    for (const cloud of CLOUDS) {
      assert.deepEqual(cloudsLoaded(`Object.keys(require(${at(cloud)}))`), [cloud], cloud);
    }
  });
});
