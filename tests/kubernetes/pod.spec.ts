// The pure pieces of the pod template: image pinning and quantity parsing.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { imageProblem, parseQuantity } from "../../components/kubernetes";

describe("kubernetes pod helpers", () => {
  it("imageProblem accepts tags other than latest and digests", () => {
    for (const image of [
      "nginx:1.27",
      "ghcr.io/acme/api:1.4.2",
      "registry.example.com:5000/team/app:v2-rc.1",
      "ghcr.io/acme/api@sha256:" + "a".repeat(64),
      "ghcr.io/acme/api:latest@sha256:" + "b".repeat(64),
    ]) {
      assert.strictEqual(imageProblem(image), undefined, image);
    }
  });

  it("imageProblem refuses latest, untagged and malformed references", () => {
    assert.strictEqual(imageProblem("nginx"), "is not pinned (no tag or digest)");
    assert.strictEqual(imageProblem("ghcr.io/acme/api"), "is not pinned (no tag or digest)");
    assert.strictEqual(imageProblem("registry.example.com:5000/app"), "is not pinned (no tag or digest)");
    assert.strictEqual(imageProblem("nginx:latest"), "uses the mutable tag latest");
    assert.strictEqual(imageProblem("Nginx:1.0"), "is not a valid image reference");
    assert.strictEqual(imageProblem("nginx@sha256:abc"), "is not a valid image reference (malformed digest)");
    assert.strictEqual(imageProblem(""), "is empty");
  });

  it("parseQuantity reads decimal and binary suffixes and refuses the rest", () => {
    assert.strictEqual(parseQuantity("500m"), 0.5);
    assert.strictEqual(parseQuantity("2"), 2);
    assert.strictEqual(parseQuantity("1.5"), 1.5);
    assert.strictEqual(parseQuantity("128Mi"), 128 * 2 ** 20);
    assert.strictEqual(parseQuantity("1G"), 1e9);
    for (const bad of ["", "1 Gi", "-1", "1gi", "abc", "1e3"])
      assert.strictEqual(parseQuantity(bad), undefined, bad);
  });

  it("components/kubernetes imports provider sub-modules only, never the @pulumi/kubernetes root", () => {
    const dir = path.join(__dirname, "../../../components/kubernetes");
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length >= 3, `sources not found in ${dir}`);
    for (const f of files) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      assert.doesNotMatch(
        src,
        /from\s+["']@pulumi\/kubernetes["']|require\(["']@pulumi\/kubernetes["']\)/,
        f,
      );
    }
    // And at run time: loading the module in a fresh process never loads the SDK's root index.
    const loaded = execFileSync(process.execPath, [
      "-e",
      `require(${JSON.stringify(path.join(__dirname, "../../components/kubernetes"))});` +
        "console.log(JSON.stringify(Object.keys(require.cache)))",
    ]).toString();
    const roots = (JSON.parse(loaded) as string[]).filter((k) =>
      /node_modules[\\/]@pulumi[\\/]kubernetes[\\/]index\.js$/.test(k),
    );
    assert.deepStrictEqual(roots, []);
  });
});
