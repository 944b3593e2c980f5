// The pure pieces of the pod template: image pinning and quantity parsing.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { imageProblem, parseQuantity } from "../../components/kubernetes";
import { PINNED_IMAGES } from "../core/helpers";

describe("kubernetes pod helpers", () => {
  it("imageProblem (deprecated alias) accepts pinned images and names what is wrong with the rest", () => {
    const expected: [string, string | undefined][] = [
      ...PINNED_IMAGES.map((image): [string, undefined] => [image, undefined]),
      ["nginx", "is not pinned (no tag or digest)"],
      ["ghcr.io/acme/api", "is not pinned (no tag or digest)"],
      ["registry.example.com:5000/app", "is not pinned (no tag or digest)"],
      ["nginx:latest", "uses the mutable tag latest"],
      ["Nginx:1.0", "is not a valid image reference"],
      ["nginx@sha256:abc", "is not a valid image reference (malformed digest)"],
      ["", "is empty"],
    ];
    for (const [image, problem] of expected) assert.strictEqual(imageProblem(image), problem, image);
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
