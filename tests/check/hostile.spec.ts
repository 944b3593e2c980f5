// The gate against programs that try to fool it, or that the old in-process run got wrong. Each program runs
// as `pulumi preview` runs it: in its own process, through the SDK's runner, against the offline engine.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, groundwork, processesWith } from "../cli/helpers";

const PULUMI = JSON.stringify(require.resolve("@pulumi/pulumi"));
const S3 = JSON.stringify(require.resolve("@pulumi/aws/s3"));
const PUBLIC_ACL = "aws-s3-no-public-acl";
const BUCKET = "urn:pulumi:dev::tmp::aws:s3/bucket:Bucket::site";

/** A CommonJS program header: the SDK and S3 by absolute path (the project lives in a temp directory). */
const header = `const pulumi = require(${PULUMI});\nconst s3 = require(${S3});\n`;
const publicBucket = `new s3.Bucket("site", { acl: "public-read" });\n`;

const temps: string[] = [];
/** A throwaway project: `files` by name (index.js is the program). */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-hostile-"));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: tmp\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: eu-west-1\n");
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Json {
  resources: { urn: string; inputs: Record<string, unknown> }[];
  violations: { policy: string; urn: string; enforcementLevel: string }[];
}
/** The public-ACL finding on the bucket, from a `--format json` report. */
function publicAclFinding(stdout: string): Json["violations"][number] | undefined {
  const j = JSON.parse(stdout) as Json;
  return j.violations.find((v) => v.policy === PUBLIC_ACL && v.urn === BUCKET);
}

describe("groundwork check against hostile programs (the program runs in its own process)", function () {
  this.timeout(120_000);
  after(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("a program that exits 0 on its own after a public bucket: exit 1 with the finding, SARIF written", async () => {
    // The engine analyzes what the program registered before it exited; a program's own exit code is the
    // language host's business, never the verdict's.
    const dir = project({ "index.js": header + publicBucket + "setTimeout(() => process.exit(0), 100);\n" });
    const out = path.join(dir, "report.sarif");
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "sarif", "--output", out);
    assert.strictEqual(r.code, 1, r.stderr);
    const results = JSON.parse(fs.readFileSync(out, "utf8")).runs[0].results as { ruleId: string }[];
    assert.ok(results.some((x) => x.ruleId === `groundwork-security/${PUBLIC_ACL}`));
    assert.match(r.stderr, /exited \(code \d+\) before the engine's shutdown handshake/);
  });

  it("a clean program that exits early is never a pass: exit 2", async () => {
    // The engine treats a program that ended before its shutdown handshake as not finished.
    const dir = project({ "index.js": header + "setTimeout(() => process.exit(0), 100);\n" });
    const r = await groundwork("check", dir, "--stack", "dev");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /exited \(code \d+\) before the engine's shutdown handshake/);
  });

  it("a program that replaces process.exit with a no-op: exit 1", async () => {
    // The verdict is the gate's process's exit code; the program's process cannot reach it.
    const dir = project({ "index.js": "process.exit = () => undefined;\n" + header + publicBucket });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(publicAclFinding(r.stdout)?.enforcementLevel, "mandatory");
  });

  it("a program that blanks every validateResource of our pack: the findings still come", async () => {
    // Like a CrossGuard pack under the CLI, the policies run outside the program's process.
    const pack = JSON.stringify(path.join(ROOT, "dist", "policy", "pack.js"));
    const blank = `for (const p of require(${pack}).policies) p.validateResource = () => undefined;\n`;
    const dir = project({ "index.js": header + blank + publicBucket });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.ok(publicAclFinding(r.stdout));
  });

  it("while (true) {} with --timeout 2: exit 2 within seconds, and the program's process is gone", async () => {
    // `pulumi preview` has no timeout of its own; --timeout is the gate's bound, and it kills the process.
    const dir = project({ "index.js": header + "while (true) {}\n" });
    const started = Date.now();
    const r = await groundwork("check", dir, "--stack", "dev", "--timeout", "2");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /did not finish within 2000 ms/);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    await new Promise((res) => setTimeout(res, 300));
    assert.deepStrictEqual(processesWith(dir), [], "the program's process outlived the gate");
  });

  it("console.log in the program with --format json: stdout is the report alone", async () => {
    // Under the CLI, program output is the program's; here it goes to stderr, and the report owns stdout.
    const dir = project({ "index.js": header + 'console.log("noise");\n' + publicBucket });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.ok(publicAclFinding(r.stdout));
    assert.match(r.stderr, /noise/);
  });

  it("an ESM program (type: module) with top-level await is checked", async () => {
    // The SDK's runner imports a `type: module` program with import(), as the CLI's does.
    const esm =
      `import * as pulumi from ${JSON.stringify("file://" + JSON.parse(PULUMI))};\n` +
      `const s3 = await import(${JSON.stringify("file://" + JSON.parse(S3))});\n` +
      "await new Promise((r) => setTimeout(r, 20));\n" +
      `new s3.Bucket("site", { acl: "public-read" });\nexport const ok = pulumi.output(1);\n`;
    const dir = project({ "index.js": esm, "package.json": '{ "type": "module", "main": "index.js" }\n' });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.ok(publicAclFinding(r.stdout));
  });

  it("an ESM TypeScript program (type: module, index.ts importing ./util.js) is checked", async () => {
    // The SDK's runner imports a `type: module` TypeScript program through ESM loader hooks that transpile
    // each .ts module (its automatic ESM mode), where an import of `./util.js` finds `./util.ts`.
    const program =
      `import * as pulumi from ${JSON.stringify("file://" + JSON.parse(PULUMI))};\n` +
      `import * as s3 from ${JSON.stringify("file://" + JSON.parse(S3))};\n` +
      'import { acl } from "./util.js";\n' +
      'const tags: Record<string, string> = await Promise.resolve({ team: "web" });\n' +
      'new s3.Bucket("site", { acl, tags });\nexport const ok: pulumi.Output<number> = pulumi.output(1);\n';
    const dir = project({
      "index.ts": program,
      "util.ts": 'export const acl: string = ["public", "read"].join("-");\n',
      "package.json": '{ "type": "module" }\n',
    });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as Json;
    assert.deepStrictEqual(j.resources.find((x) => x.urn === BUCKET)?.inputs, {
      acl: "public-read",
      tags: { team: "web" },
    });
    assert.ok(publicAclFinding(r.stdout));
  });

  it("a program that reads a file by relative path runs from its project directory", async () => {
    // The language host starts the program with --pwd set to the project directory.
    const read = 'const acl = JSON.parse(require("fs").readFileSync("./data.json", "utf8")).acl;\n';
    const dir = project({
      "index.js": header + read + 'new s3.Bucket("site", { acl });\n',
      "data.json": '{ "acl": "public-read" }\n',
    });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as Json;
    assert.strictEqual(j.resources.find((x) => x.urn === BUCKET)?.inputs.acl, "public-read");
    assert.ok(publicAclFinding(r.stdout));
  });

  for (const [how, program] of [
    [
      "a stack transform (registerResourceTransform)",
      "pulumi.runtime.registerResourceTransform(({ type, props, opts }) =>\n" +
        '  type === "aws:s3/bucket:Bucket" ? { props: { ...props, acl: "public-read" }, opts } : undefined);\n' +
        'new s3.Bucket("site", { acl: "private" });\n',
    ],
    [
      "the transforms resource option",
      'new s3.Bucket("site", { acl: "private" }, { transforms: [({ props, opts }) =>\n' +
        '  ({ props: { ...props, acl: "public-read" }, opts })] });\n',
    ],
  ] as const) {
    it(`${how} makes a bucket public: the policies see the transformed inputs`, async () => {
      // The engine calls the SDK's transform callbacks before it records a registration, and analyzes the
      // properties they return.
      const dir = project({ "index.js": header + program });
      const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
      assert.strictEqual(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout) as Json;
      assert.strictEqual(j.resources.find((x) => x.urn === BUCKET)?.inputs.acl, "public-read");
      assert.strictEqual(publicAclFinding(r.stdout)?.enforcementLevel, "mandatory");
    });
  }

  it("an invoke transform changes an invoke's args: the answer, and so the bucket the policies see, follow", async () => {
    // The engine's Invoke runs the stack's invoke transforms (registerInvokeTransform) before it asks the
    // provider, and the provider answers the transformed args.
    const pinned = {
      "acme:index:getAcl": [
        { args: { env: "prod" }, result: { acl: "private" } },
        { args: { env: "dev" }, result: { acl: "public-read" } },
      ],
    };
    const lookup =
      'pulumi.runtime.invoke("acme:index:getAcl", { env: "prod" })\n' +
      '  .then((r) => new s3.Bucket("site", { acl: r.acl }));\n';
    const transform =
      "pulumi.runtime.registerInvokeTransform(({ token, args, opts }) =>\n" +
      '  token === "acme:index:getAcl" ? { args: { ...args, env: "dev" }, opts } : undefined);\n';
    const acls: unknown[] = [];
    for (const program of [lookup, transform + lookup]) {
      const dir = project({ "index.js": header + program, "invokes.json": JSON.stringify(pinned) });
      const r = await groundwork(
        "check",
        dir,
        "--stack",
        "dev",
        "--invokes",
        path.join(dir, "invokes.json"),
        "--format",
        "json",
      );
      const j = JSON.parse(r.stdout) as Json;
      acls.push(j.resources.find((x) => x.urn === BUCKET)?.inputs.acl);
      // A private bucket still has other mandatory findings (tags …): the verdict is 1 either way, never 2.
      assert.strictEqual(r.code, 1, r.stderr);
      assert.strictEqual(publicAclFinding(r.stdout) !== undefined, program !== lookup);
    }
    assert.deepStrictEqual(acls, ["private", "public-read"]);
  });

  it("resource and error hooks (the hooks option): a verdict, not exit 2, and the hook never runs", async () => {
    // The engine registers hooks (RegisterResourceHook, RegisterErrorHook) and calls them only when it applies a step, after
    // the policies have analyzed the inputs; the gate applies no step (ADR 0008).
    const hooked =
      'const hook = new pulumi.ResourceHook("audit", () => { throw new Error("the hook ran"); });\n' +
      'const retry = new pulumi.ErrorHook("retry", () => { throw new Error("the hook ran"); });\n' +
      'new s3.Bucket("site", { acl: "public-read" },\n' +
      "  { hooks: { beforeCreate: [hook, () => { throw new Error('the hook ran'); }], afterDelete: [hook], onError: [retry] } });\n";
    const dir = project({ "index.js": header + hooked });
    const r = await groundwork("check", dir, "--stack", "dev", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(publicAclFinding(r.stdout)?.enforcementLevel, "mandatory");
    assert.doesNotMatch(r.stderr, /the hook ran/);
  });

  it("two hooks with one name: exit 2 with the engine's refusal", async () => {
    // The engine refuses a second hook of the same name ("resource hook already registered for name").
    const twice =
      'new pulumi.ResourceHook("audit", () => undefined);\nnew pulumi.ResourceHook("audit", () => undefined);\n';
    const dir = project({ "index.js": header + twice + publicBucket });
    const r = await groundwork("check", dir, "--stack", "dev");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /resource hook already registered for name "audit"/);
  });
});
