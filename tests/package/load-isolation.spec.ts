// Loading the package must not load provider SDKs a project does not use: `./core` loads none, `./aws`
// loads no other cloud, and the root loads none until a namespace is touched. Each check runs in a
// fresh Node process against the built package, resolved through its own exports map.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const SDKS = ["aws", "gcp", "azure-native", "kubernetes"] as const;

/** Requires `specifier` in a fresh process, runs `touch` on the module, returns what got loaded. */
function load(specifier: string, touch = ""): { sdks: string[]; files: string[]; resolved: string } {
  const script = `
    const resolved = require.resolve(${JSON.stringify(specifier)});
    const m = require(${JSON.stringify(specifier)});
    ${touch}
    const files = Object.keys(require.cache);
    const sdks = ${JSON.stringify(SDKS)}.filter((sdk) =>
      files.some((f) => f.split(require("path").sep).join("/").includes("/node_modules/@pulumi/" + sdk + "/")));
    process.stdout.write(JSON.stringify({ sdks, files, resolved }));
  `;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out);
}

describe("package: load isolation", function () {
  this.timeout(120_000);

  it("the gate's own process (the CLI, the gate and the built-in pack) never loads the SDK's root index", () => {
    // The root pulls in the automation API and npm's arborist (about a second of CPU per check); the program
    // runs in its own process, so the gate needs only the SDK's runtime and proto sub-modules.
    const touch = `require("./dist/cli/args"); require("./dist/check/gate"); require("./dist/check/in-process/evaluate");`;
    const { files } = load("./dist/policy/pack", touch);
    const sdkRoot = path.join("node_modules", "@pulumi", "pulumi", "index.js");
    assert.ok(files.some((f) => f.includes(`${path.sep}@pulumi${path.sep}policy${path.sep}`)));
    assert.deepEqual(
      files.filter((f) => f.endsWith(sdkRoot) || f.includes(`${path.sep}automation${path.sep}`)),
      [],
    );
  });

  it("`@groundwork/infra/core` resolves through the exports map and loads no provider SDK", () => {
    const { sdks, resolved, files } = load("@groundwork/infra/core");
    assert.equal(resolved, path.join(ROOT, "dist", "components", "core", "index.js"));
    assert.deepEqual(sdks, []);
    // The check itself works: the Pulumi SDK (which core does use) is seen in the cache.
    assert.ok(files.some((f) => f.includes(`${path.sep}@pulumi${path.sep}pulumi${path.sep}`)));
  });

  it("`@groundwork/infra/testing` and `/check` resolve through the exports map and load no provider SDK", () => {
    for (const [entry, file] of [
      ["testing", path.join("testing", "index.js")],
      ["check", path.join("check", "index.js")],
    ]) {
      const { sdks, resolved } = load(`@groundwork/infra/${entry}`, "Object.keys(m);");
      assert.equal(resolved, path.join(ROOT, "dist", file));
      assert.deepEqual(sdks, [], entry);
    }
  });

  it("`@groundwork/infra/aws` loads no Google, Azure or Kubernetes SDK", () => {
    const { sdks, resolved } = load("@groundwork/infra/aws", "Object.keys(m);");
    assert.equal(resolved, path.join(ROOT, "dist", "components", "aws", "index.js"));
    assert.deepEqual(
      sdks.filter((s) => s !== "aws"),
      [],
    );
  });

  it("`@groundwork/infra/gcp` loads Google Cloud sub-modules only: not the SDK's root index, nor another cloud", () => {
    const { sdks, files, resolved } = load("@groundwork/infra/gcp", "Object.keys(m);");
    assert.equal(resolved, path.join(ROOT, "dist", "components", "gcp", "index.js"));
    assert.deepEqual(sdks, ["gcp"], "the check sees the Google Cloud SDK it does load");
    const gcpRoot = require.resolve("@pulumi/gcp");
    assert.ok(!files.includes(gcpRoot), `${gcpRoot} (the root index) was loaded`);
    for (const cloud of ["aws", "azure", "kubernetes"]) {
      assert.ok(
        !files.some((f) => f.startsWith(path.join(ROOT, "dist", "components", cloud) + path.sep)),
        cloud,
      );
    }
  });

  it("`@groundwork/infra/kubernetes` loads no AWS, Google or Azure SDK", () => {
    const { sdks } = load("@groundwork/infra/kubernetes", "Object.keys(m);");
    assert.deepEqual(
      sdks.filter((s) => s !== "kubernetes"),
      [],
    );
  });

  it("the root entry loads no provider SDK, nor any cloud folder, until a namespace is touched", () => {
    const { sdks, files, resolved } = load("@groundwork/infra", "m.core.childName('a', 'b');");
    assert.equal(resolved, path.join(ROOT, "dist", "components", "index.js"));
    assert.deepEqual(sdks, []);
    for (const cloud of ["aws", "gcp", "azure", "kubernetes"]) {
      assert.ok(!files.includes(path.join(ROOT, "dist", "components", cloud, "index.js")), cloud);
    }
  });

  it("touching the root's `aws` namespace loads the AWS folder and no other cloud", () => {
    const { sdks, files } = load("@groundwork/infra", "Object.keys(m.aws);");
    assert.ok(files.includes(path.join(ROOT, "dist", "components", "aws", "index.js")));
    for (const cloud of ["gcp", "azure", "kubernetes"]) {
      assert.ok(!files.includes(path.join(ROOT, "dist", "components", cloud, "index.js")), cloud);
    }
    assert.deepEqual(
      sdks.filter((s) => s !== "aws"),
      [],
    );
  });
});
