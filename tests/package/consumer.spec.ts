// Packaging: the library as a user gets it. Packs the package, installs the tarball into a fresh project
// that has only @pulumi/pulumi and @pulumi/aws, compiles an AWS consumer with tsc, and synthesizes it —
// proving the exports map, the type declarations and that no other cloud's SDK is installed or loaded.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
const versionOf = (pkg: string): string => lock.packages[`node_modules/${pkg}`].version;

const CONSUMER = `
import * as pulumi from "@pulumi/pulumi";
import { Bucket } from "@groundwork/infra/aws";
import { childName } from "@groundwork/infra/core";

export = async () => {
  const config = new pulumi.Config();
  const bucket = new Bucket(childName("consumer", "assets"), { environment: "prod", tags: { team: config.require("team") } });
  return { bucketName: bucket.bucketName };
};
`;

const SYNTH = `
const { synth } = require("@groundwork/infra/testing");
synth(require("path").resolve("dist/index.js"), { project: "consumer", stack: "prod", config: { team: "payments" } })
  .then((graph) => {
    const loaded = Object.keys(require.cache).filter((f) => f.includes("node_modules/@pulumi/"));
    const sdks = [...new Set(loaded.map((f) => f.split("node_modules/@pulumi/")[1].split("/")[0]))].sort();
    console.log(JSON.stringify({ types: graph.resources.map((r) => r.type), urns: graph.resources.map((r) => r.urn),
      tags: graph.resources.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => r.inputs.tags), sdks }));
  })
  .catch((e) => { console.error(e); process.exit(1); });
`;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_loglevel: "error" },
  });
}

describe("packaging: the tarball in a fresh AWS-only project", function () {
  this.timeout(600_000);
  let dir: string;
  let result: { types: string[]; urns: string[]; tags: Record<string, string>[]; sdks: string[] };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-consumer-"));
    const tarball = run("npm", ["pack", "--silent", "--pack-destination", dir], ROOT)
      .trim()
      .split("\n")
      .pop()!;
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "consumer", private: true, main: "dist/index.js" }),
    );
    // --prefer-offline: the tarballs are in npm's cache after `npm ci`, so no download is needed in CI.
    run(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        path.join(dir, tarball),
        `@pulumi/pulumi@${versionOf("@pulumi/pulumi")}`,
        `@pulumi/aws@${versionOf("@pulumi/aws")}`,
      ],
      dir,
    );
    fs.writeFileSync(path.join(dir, "index.ts"), CONSUMER);
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          outDir: "dist",
          target: "ES2022",
          module: "commonjs",
          moduleResolution: "node10",
          skipLibCheck: true,
          types: [],
        },
        files: ["index.ts"],
      }),
    );
    run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], dir);
    fs.writeFileSync(path.join(dir, "synth.js"), SYNTH);
    result = JSON.parse(run(process.execPath, ["synth.js"], dir));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("installs no other cloud's SDK", () => {
    const installed = fs.readdirSync(path.join(dir, "node_modules/@pulumi")).sort();
    for (const other of ["kubernetes", "gcp", "azure-native", "azure"]) {
      assert.ok(!installed.includes(other), `@pulumi/${other} was installed: ${installed.join(", ")}`);
    }
    assert.ok(installed.includes("aws") && installed.includes("pulumi"));
  });

  it("compiles and synthesizes a consumer of @groundwork/infra/aws", () => {
    assert.ok(result.types.includes("groundwork:aws:Bucket"), result.types.join(", "));
    assert.ok(result.types.includes("aws:s3/bucket:Bucket"), result.types.join(", "));
    assert.ok(
      result.urns.some((u) => u === "urn:pulumi:prod::consumer::groundwork:aws:Bucket::consumer-assets"),
    );
    assert.deepEqual(
      result.tags.map((t) => [t.team, t.environment, t["managed-by"]]),
      result.tags.map(() => ["payments", "prod", "groundwork"]),
    );
    assert.ok(result.tags.length >= 1);
  });

  it("loads only the AWS SDK at run time", () => {
    assert.deepEqual(
      result.sdks.filter((s) => !["pulumi", "policy"].includes(s)),
      ["aws"],
      `SDKs loaded: ${result.sdks.join(", ")}`,
    );
  });
});
