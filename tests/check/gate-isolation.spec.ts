// The program under check is hostile and has read our code (issue 22): each test is one way it tried to
// reach the gate, naming the real engine's behaviour the gate mirrors or the stronger line it holds. Tests
// that need the unisolated rung force it with GROUNDWORK_ISOLATION_DENY, which the gate reads before the
// program starts; the others run at the strongest rung the machine allows (another uid as root, else
// namespaces) and assert what that rung guarantees, or, where the machine allows no isolation, that every
// report says so.
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ROOT, groundworkWith, processesWith } from "../cli/helpers";
import { planIsolation } from "../../engine/runner";
import awsPackage from "@pulumi/aws/package.json";

const PULUMI = JSON.stringify(require.resolve("@pulumi/pulumi"));
const S3 = JSON.stringify(require.resolve("@pulumi/aws/s3"));
const AWS_VERSION = awsPackage.version;
const header = `const pulumi = require(${PULUMI});\nconst s3 = require(${S3});\nconst fs = require("fs");\n`;
const publicBucket = 'new s3.Bucket("site", { acl: "public-read" });\n';
const PUBLIC_ACL = "aws-s3-no-public-acl";
const BUCKET = "urn:pulumi:dev::tmp::aws:s3/bucket:Bucket::site";
/** The unisolated rung, forced: what a machine with neither root nor user namespaces gets. */
const PROCESS_RUNG = { GROUNDWORK_ISOLATION_DENY: "setuid,namespaces" };
const ROOT_USER = process.getuid?.() === 0;

interface Json {
  isolation: { mode: string; full: boolean; uid?: number; unavailable: string[]; description: string };
  resources: { urn: string; inputs: Record<string, unknown> }[];
  violations: { pack: string; policy: string; urn: string; enforcementLevel: string }[];
  summary: { verdict: string };
}

const temps: string[] = [];
/** A temp directory readable by every uid (0755), so that the gate may use its strongest rung. */
function tempDir(mode = 0o755): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-gate-"));
  fs.chmodSync(dir, mode);
  temps.push(dir);
  return dir;
}

/** A throwaway project: `files` by name (index.js is the program). */
function project(files: Record<string, string>, pulumiYaml = "name: tmp\nruntime: nodejs\n"): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: eu-west-1\n");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function check(dir: string, env: Record<string, string | undefined> = {}, ...extra: string[]) {
  return groundworkWith({ env }, "check", dir, "--stack", "dev", ...extra);
}

const publicAcl = (j: Json) => j.violations.find((v) => v.policy === PUBLIC_ACL && v.urn === BUCKET);

describe("the program cannot reach the gate (isolation, read before run, a closed gate)", function () {
  this.timeout(180_000);
  after(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("runs the program as another uid when the gate is root, else in namespaces, and says which", async () => {
    // Stronger than the CLI, which runs the program as itself: the program may neither write what the gate
    // reads (here, its own project) nor act as the gate's user.
    const probe =
      'console.error("uid=" + process.getuid());\n' +
      'try { fs.writeFileSync(__dirname + "/planted.js", "x"); console.error("write: ok"); }\n' +
      'catch (e) { console.error("write: " + e.code); }\n';
    const dir = project({ "index.js": header + probe + publicBucket });
    const r = await check(dir, {}, "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as Json;
    assert.ok(publicAcl(j));
    if (ROOT_USER) {
      assert.strictEqual(j.isolation.mode, "user", JSON.stringify(j.isolation));
      assert.match(r.stderr, /uid=65534/);
    }
    if (j.isolation.full) {
      assert.match(r.stderr, /write: (EACCES|EROFS|EPERM)/);
      assert.ok(!fs.existsSync(path.join(dir, "planted.js")));
    } else assert.match(j.isolation.description, /NOT ISOLATED/);
  });

  it("--isolation strict exits 2 before the program runs when full isolation is not available", async () => {
    // No CLI equivalent: a gate that must not run untrusted code unisolated fails closed, with the report.
    const dir = project({
      "index.js": header + 'fs.writeFileSync(__dirname + "/ran", "1");\n' + publicBucket,
    });
    const out = path.join(tempDir(), "report.sarif");
    const r = await check(dir, PROCESS_RUNG, "--isolation", "strict", "--format", "sarif", "--output", out);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.ok(!fs.existsSync(path.join(dir, "ran")), "the program ran");
    const run = JSON.parse(fs.readFileSync(out, "utf8")).runs[0];
    assert.strictEqual(run.invocations[0].executionSuccessful, false);
    const text = run.invocations[0].toolExecutionNotifications[0].message.text as string;
    assert.match(text, /--isolation strict: full isolation is not available here/);
    assert.match(text, /denied by GROUNDWORK_ISOLATION_DENY/);
  });

  it("without isolation, the report says NOT ISOLATED and stderr warns", async () => {
    // Degrading is allowed (a plain developer machine stays usable); degrading silently is not.
    const dir = project({ "index.js": header + publicBucket });
    const r = await check(dir, PROCESS_RUNG);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, /^isolation: process - NOT ISOLATED/m);
    assert.match(r.stdout, /not used: namespaces: denied by GROUNDWORK_ISOLATION_DENY/);
    assert.match(r.stderr, /warning: isolation: process - NOT ISOLATED/);
  });

  describe("SIGUSR1 to the gate (Node would open its inspector there)", () => {
    const usr1 =
      "const p = process.ppid; let said;\n" +
      'try { if (p > 1) process.kill(p, "SIGUSR1"); said = p > 1 ? "sent" : "no parent"; } catch (e) { said = e.code; }\n' +
      'console.error("usr1: " + said);\n' +
      "setTimeout(() => undefined, 1000);\n";

    it("isolated, the program cannot signal the gate: the verdict stands", async () => {
      // Stronger than the CLI, whose engine shares the program's uid: the gate is out of the program's reach.
      const dir = project({ "index.js": header + usr1 + publicBucket });
      const r = await check(dir, {}, "--format", "json");
      const j = JSON.parse(r.stdout) as Json;
      if (!j.isolation.full) return assert.match(j.isolation.description, /NOT ISOLATED/);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(r.stderr, /usr1: (EPERM|no parent)/);
      assert.ok(publicAcl(j));
      assert.doesNotMatch(r.stderr, /Debugger listening/);
    });

    it("unisolated, it ends the check (exit 2, report written) and never opens an inspector", async () => {
      // The gate's own process is closed: SIGUSR1 has a listener from the gate's first line, so Node's
      // inspector never starts; like every catchable signal it ends the check with exit 2.
      const dir = project({ "index.js": header + usr1 + publicBucket });
      const out = path.join(tempDir(), "report.json");
      const r = await check(dir, PROCESS_RUNG, "--format", "json", "--output", out);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.doesNotMatch(r.stderr, /Debugger listening/);
      assert.match(JSON.parse(fs.readFileSync(out, "utf8")).error, /interrupted by SIGUSR1/);
    });
  });

  describe("inputs rewritten by the program while it runs (all were read before it started)", () => {
    // The CLI loads analyzers before the language host starts the program; the gate also reads the packs'
    // config, --invokes and --stack-outputs first, and re-sends the packs' configuration after the program
    // is gone, so nothing the program writes or sends in the meantime counts.
    const pack =
      'const { PolicyPack } = require("@pulumi/policy");\n' +
      'new PolicyPack("guard", { policies: [{ name: "no-public", description: "No public ACL.",\n' +
      '  enforcementLevel: "mandatory", validateResource: (a, report) => {\n' +
      '    if (a.type === "aws:s3/bucket:Bucket" && String(a.props.acl).startsWith("public")) report("public acl");\n' +
      "  } }] });\n";
    const rewriter = (files: Record<string, string>): string =>
      "for (const [file, text] of Object.entries(" +
      JSON.stringify(files) +
      ")) {\n" +
      '  try { fs.writeFileSync(file, text); console.error("write: ok"); }\n' +
      '  catch (e) { console.error("write: " + e.code); }\n}\n' +
      'new s3.Bucket("site", { acl: pulumi.output(new pulumi.StackReference("acme/net/prod").getOutput("acl")) });\n' +
      'pulumi.runtime.invoke("acme:index:getAcl", {}).then((r) => new s3.Bucket("other", { acl: r.acl }));\n';

    for (const [rung, env] of [
      ["unisolated (the writes succeed)", PROCESS_RUNG],
      ["isolated (the writes are refused)", {}],
    ] as const) {
      it(`${rung}: the pack, its config, --invokes and --stack-outputs are as they were`, async () => {
        const inputs = tempDir();
        const packDir = path.join(inputs, "pack");
        fs.mkdirSync(packDir);
        fs.writeFileSync(path.join(packDir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(
          path.join(packDir, "package.json"),
          '{ "name": "guard", "version": "1.0.0", "main": "index.js" }\n',
        );
        fs.writeFileSync(path.join(packDir, "index.js"), pack);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(packDir, "node_modules"));
        const config = path.join(inputs, "guard.json");
        fs.writeFileSync(config, '{ "no-public": "mandatory" }\n');
        const invokes = path.join(inputs, "invokes.json");
        fs.writeFileSync(invokes, '{ "acme:index:getAcl": { "acl": "public-read" } }\n');
        const outputs = path.join(inputs, "outputs");
        fs.mkdirSync(path.join(outputs, "acme", "net"), { recursive: true });
        const prod = path.join(outputs, "acme", "net", "prod.json");
        fs.writeFileSync(prod, '{ "acl": "public-read" }\n');
        const program = rewriter({
          [path.join(packDir, "index.js")]:
            'new (require("@pulumi/policy").PolicyPack)("guard", { policies: [] });\n',
          [config]: '{ "no-public": "disabled" }\n',
          [invokes]: '{ "acme:index:getAcl": { "acl": "private" } }\n',
          [prod]: '{ "acl": "private" }\n',
        });
        const dir = project({ "index.js": header + program });
        const r = await check(
          dir,
          env,
          "--no-builtin",
          "--policy-pack",
          packDir,
          "--policy-pack-config",
          config,
          "--invokes",
          invokes,
          "--stack-outputs",
          outputs,
          "--format",
          "json",
        );
        assert.strictEqual(r.code, 1, r.stderr);
        const j = JSON.parse(r.stdout) as Json;
        if (env === PROCESS_RUNG) assert.match(r.stderr, /write: ok/);
        else if (j.isolation.full) assert.doesNotMatch(r.stderr, /write: ok/);
        const found = j.violations.filter((v) => v.pack === "guard" && v.policy === "no-public");
        assert.deepStrictEqual(found.map((v) => v.urn).sort(), [
          "urn:pulumi:dev::tmp::aws:s3/bucket:Bucket::other",
          BUCKET,
        ]);
        assert.ok(found.every((v) => v.enforcementLevel === "mandatory"));
      });
    }
  });

  describe("helm", () => {
    const helmInvoke =
      'pulumi.runtime.invoke("kubernetes:helm:template", { jsonOpts: JSON.stringify({ chart: "web", path: "./chart" }) })\n' +
      '  .then((r) => console.error("rendered: " + JSON.stringify(r.result)));\n';
    /** A fake helm that leaves `marker` behind and renders one ConfigMap named `name`. */
    const fakeHelm = (marker: string, name: string): string =>
      `#!/bin/sh\ntouch ${JSON.stringify(marker)}\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: ${name}\\n'\n`;

    it("is never taken from the project's node_modules/.bin, even first on PATH (as npx puts it)", async () => {
      // The Kubernetes provider renders charts with its own Helm library, never a binary of the project's.
      const marker = path.join(tempDir(0o777), "project-helm-ran");
      const dir = project({
        "index.js": header + helmInvoke,
        "node_modules/.bin/helm": fakeHelm(marker, "evil"),
      });
      fs.chmodSync(path.join(dir, "node_modules", ".bin", "helm"), 0o755);
      const r = await check(dir, { PATH: `${path.join(dir, "node_modules", ".bin")}:/usr/bin:/bin` });
      assert.ok(!fs.existsSync(marker), "the project's helm ran");
      assert.doesNotMatch(r.stderr, /evil/);
      // No trusted helm here: the chart cannot be rendered, and that is incomplete, never a pass.
      if (!fs.existsSync("/usr/bin/helm") && !fs.existsSync("/bin/helm")) {
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stdout, /helm-template/);
      }
    });

    it("is resolved and held before the program runs: replacing it on PATH changes nothing", async () => {
      // Stronger than a lookup at use: unisolated, the program can rename another helm over the one on PATH;
      // the gate runs the file it opened before the program started.
      const bin = tempDir();
      const [markerA, markerB] = ["a", "b"].map((x) => path.join(tempDir(0o777), `helm-${x}-ran`));
      fs.writeFileSync(path.join(bin, "helm"), fakeHelm(markerA, "pinned"), { mode: 0o755 });
      const swap =
        `fs.writeFileSync(${JSON.stringify(path.join(bin, "helm.new"))}, ${JSON.stringify(fakeHelm(markerB, "swapped"))}, { mode: 0o755 });\n` +
        `fs.renameSync(${JSON.stringify(path.join(bin, "helm.new"))}, ${JSON.stringify(path.join(bin, "helm"))});\n`;
      const dir = project({ "index.js": header + swap + helmInvoke });
      const r = await check(dir, { ...PROCESS_RUNG, PATH: `${bin}:/usr/bin:/bin` });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stderr, /rendered: .*"name":"pinned"/);
      assert.ok(fs.existsSync(markerA) && !fs.existsSync(markerB));
    });
  });

  describe("Node options that would run code in the gate", () => {
    it("a project's .npmrc node-options under `npm exec`: refused, exit 2", async () => {
      // npm turns `node-options` into NODE_OPTIONS for what it runs, so `npx groundwork` in the checkout runs
      // the project's code in the gate before its first line. What ran is past stopping; the check is refused.
      const dir = project({
        "index.js": header + publicBucket,
        "package.json": '{ "name": "tmp", "version": "1.0.0" }\n',
        ".npmrc": "node-options=--require ./evil.js\n",
        "evil.js": "// would patch the gate\n",
      });
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const npm = spawn("npm", ["exec", "--offline", "--call", `node ${CLI} check . --stack dev`], {
          cwd: dir,
          stdio: ["ignore", "ignore", "pipe"],
          env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_OPTIONS")),
        });
        let stderr = "";
        npm.stderr.on("data", (d) => (stderr += d));
        npm.on("exit", (code) => resolve({ code, stderr }));
      });
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, /refusing to run with NODE_OPTIONS="--require \.\/evil\.js"/);
    });

    it("--allow-node-options lets it run; harmless memory options need no flag", async () => {
      const dir = project({ "index.js": header + publicBucket, "noop.js": "" });
      const allowed = await check(
        dir,
        { NODE_OPTIONS: `--require ${path.join(dir, "noop.js")}` },
        "--allow-node-options",
      );
      assert.strictEqual(allowed.code, 1, allowed.stderr);
      const harmless = await check(dir, { NODE_OPTIONS: "--max-old-space-size=2048 --no-warnings" });
      assert.strictEqual(harmless.code, 1, harmless.stderr);
    });
  });

  it("--typecheck runs the project's own tsc isolated, as it runs the program", async () => {
    // The compiler comes from the project's node_modules, as untrusted as its program: stronger than a
    // build step that runs it as the CI user, it gets the program's isolation.
    const marker = path.join(tempDir(), "tsc-wrote");
    const tsc =
      `try { require("fs").writeFileSync(${JSON.stringify(marker)}, "x"); console.log("tsc wrote"); }\n` +
      'catch (e) { console.log("tsc: " + e.code); }\n';
    const dir = project({
      "index.js": header + publicBucket,
      "tsconfig.json": "{}\n",
      "node_modules/typescript/package.json": '{ "name": "typescript", "version": "5.0.0" }\n',
      "node_modules/typescript/bin/tsc": tsc,
    });
    const r = await check(dir, {}, "--typecheck", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as Json;
    if (j.isolation.full) assert.ok(!fs.existsSync(marker), "the project's tsc wrote outside its sandbox");
    else assert.ok(fs.existsSync(marker));
  });

  describe("runtime.options of Pulumi.yaml", () => {
    it("nodeargs reach the program's node as the language host splits them (shlex: quotes, comments)", async () => {
      // pulumi-language-nodejs runs `node <shlex.Split(nodeargs)> <run.js> …`: a --require in nodeargs runs
      // before the program, and a program relying on it must be checked with it.
      const yaml =
        "name: tmp\nruntime:\n  name: nodejs\n  options:\n" +
        "    nodeargs: \"--require './pre load.js' --max-old-space-size=2048 # set up the ACL\"\n";
      const dir = project(
        {
          "pre load.js": 'globalThis.__acl = "public-read";\n',
          "index.js": header + 'new s3.Bucket("site", { acl: globalThis.__acl });\n',
        },
        yaml,
      );
      const r = await check(dir, {}, "--format", "json");
      assert.strictEqual(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout) as Json;
      assert.strictEqual(j.resources.find((x) => x.urn === BUCKET)?.inputs.acl, "public-read");
      assert.ok(publicAcl(j));
    });

    it("typescript: false runs a .ts program untranspiled, so it fails as under the language host", async () => {
      // The host sets no TypeScript support then (PULUMI_NODEJS_TYPESCRIPT unset): `.ts` is not loadable.
      const yaml = "name: tmp\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n";
      const dir = project(
        { "index.ts": header + "const acl: string = 'public-read';\n" + publicBucket },
        yaml,
      );
      const r = await check(dir);
      assert.strictEqual(r.code, 2, r.stderr);
    });
  });

  it("a read that takes the default provider's URN is refused, as the engine refuses a duplicate URN", async () => {
    // step_generator.go generateURN: a second registration or read of one URN in a deployment fails it, and
    // so does the engine's own default provider registered under a URN the program took first. Offline, the
    // read used to replace the default provider, and the policies saw another region.
    const provider = `default_${AWS_VERSION.replace(/[.+-]/g, "_")}`;
    const read = `new pulumi.CustomResource("pulumi:providers:aws", "${provider}", { region: "us-east-1" }, { id: "x" });\n`;
    for (const program of [publicBucket + read, read + publicBucket]) {
      const dir = project({ "index.js": header + program });
      const r = await check(dir);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`Duplicate resource URN 'urn:pulumi:dev::tmp::pulumi:providers:aws::${provider}'`),
      );
    }
  });

  describe("the report's stream and file", () => {
    const fake = JSON.stringify({ summary: { verdict: "pass" }, violations: [] });
    const writeParentStdout =
      "const p = process.ppid; let said;\n" +
      `try { if (p <= 1) throw Object.assign(new Error(), { code: "no parent" }); fs.writeFileSync("/proc/" + p + "/fd/1", ${JSON.stringify(fake + "\n")}); said = "ok"; }\n` +
      'catch (e) { said = e.code; }\nconsole.error("stdout write: " + said);\n';

    it("isolated: the program cannot write into the gate's stdout through /proc; stdout is the report alone", async () => {
      // Stronger than the CLI: the program has no path to the gate's file descriptors.
      const dir = project({ "index.js": header + writeParentStdout + publicBucket });
      const r = await check(dir, {}, "--format", "json");
      const j = JSON.parse(r.stdout) as Json; // one JSON document, not two
      if (!j.isolation.full) return assert.match(j.isolation.description, /NOT ISOLATED/);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /stdout write: ok/);
      assert.ok(publicAcl(j));
    });

    it("unisolated: a report file on stdout that someone else wrote to is refused (exit 2)", async () => {
      // The gate writes nothing to stdout before the report, so a stdout file that grew was written by
      // another process: the report is not appended after a forged one.
      const dir = project({ "index.js": header + writeParentStdout + publicBucket });
      const file = path.join(tempDir(), "stdout.json");
      const fd = fs.openSync(file, "w");
      const code = await new Promise<number | null>((resolve) => {
        const cli = spawn(process.execPath, [CLI, "check", dir, "--stack", "dev", "--format", "json"], {
          cwd: ROOT,
          stdio: ["ignore", fd, "ignore"],
          env: { ...process.env, ...PROCESS_RUNG },
        });
        cli.on("exit", (c) => resolve(c));
      });
      fs.closeSync(fd);
      assert.strictEqual(code, 2);
      assert.strictEqual(
        fs.readFileSync(file, "utf8"),
        fake + "\n",
        "only the forged text, no report after it",
      );
    });

    it("nothing the program starts outlives the check, so nothing rewrites --output after it", async () => {
      // Stronger than the CLI (a language host's detached grandchild outlives `pulumi preview`): the
      // program's whole tree is gone before the report is written.
      const token = `gw-survivor-${process.pid}-${Date.now()}`;
      const shared = tempDir(0o777);
      const out = path.join(shared, "report.json");
      const survivor =
        `const out = ${JSON.stringify(out)};\n` +
        `setTimeout(() => require("fs").writeFileSync(out, "forged"), 1500); setInterval(() => undefined, 1000); // ${token}\n`;
      const start =
        'require("child_process").spawn(process.execPath, ["-e", ' +
        JSON.stringify(survivor) +
        '], { detached: true, stdio: "ignore" }).unref();\n';
      const dir = project({ "index.js": header + start + publicBucket });
      const r = await check(dir, {}, "--format", "json", "--output", out);
      const j = JSON.parse(fs.readFileSync(out, "utf8")) as Json;
      if (!j.isolation.full) {
        for (const pid of processesWith(token)) process.kill(pid, "SIGKILL");
        return assert.match(j.isolation.description, /NOT ISOLATED/);
      }
      assert.strictEqual(r.code, 1, r.stderr);
      assert.deepStrictEqual(processesWith(token), []);
      await new Promise((res) => setTimeout(res, 2500));
      assert.ok(publicAcl(JSON.parse(fs.readFileSync(out, "utf8")) as Json), "the report was rewritten");
    });
  });

  describe("signals", () => {
    for (const signal of ["SIGHUP", "SIGQUIT", "SIGUSR2", "SIGALRM"] as const) {
      it(`${signal} to the gate: exit 2, the report written, the program's tree gone`, async () => {
        // Every catchable signal ends the check with exit 2 (never a signal's own exit code and no report);
        // the report is written after the program's processes are gone.
        const dir = project({
          "index.js": header + 'console.error("started"); setTimeout(() => undefined, 60000);\n',
        });
        const out = path.join(tempDir(), "report.json");
        const cli = spawn(
          process.execPath,
          [CLI, "check", dir, "--stack", "dev", "--format", "json", "--output", out],
          { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
        );
        const exited = new Promise<number | null>((resolve) => cli.on("exit", (c) => resolve(c)));
        await new Promise<void>((resolve) =>
          cli.stderr!.on("data", (d: Buffer) => d.toString().includes("started") && resolve()),
        );
        cli.kill(signal);
        assert.strictEqual(await exited, 2);
        assert.match(JSON.parse(fs.readFileSync(out, "utf8")).error, new RegExp(`interrupted by ${signal}`));
        // The program's node runs with --pwd=<its directory>.
        assert.deepStrictEqual(processesWith(dir), []);
      });
    }

    it("a SIGKILLed gate takes the program's whole tree with it", async () => {
      // SIGKILL cannot be caught: the launcher dies with the gate (a parent-death signal), and the program's
      // namespace with the launcher, detached grandchildren included. The language host's children die with
      // the engine too.
      const start =
        'require("child_process").spawn(process.execPath, ["-e", "setInterval(() => undefined, 1000)", ' +
        '"--", __dirname], { detached: true, stdio: "ignore" }).unref();\n' +
        'console.error("started"); setTimeout(() => undefined, 60000);\n';
      const dir = project({ "index.js": header + start });
      const cli = spawn(process.execPath, [CLI, "check", dir, "--stack", "dev", "--format", "json"], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on("exit", (_c, s) => resolve(s)));
      let said = "";
      await new Promise<void>((resolve) =>
        cli.stderr!.on("data", (d: Buffer) => (said += d.toString()).includes("started") && resolve()),
      );
      assert.ok(processesWith(dir).length >= 2, "the program and its grandchild run");
      cli.kill("SIGKILL");
      assert.strictEqual(await exited, "SIGKILL");
      let left = processesWith(dir);
      for (let i = 0; i < 50 && left.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = processesWith(dir);
      }
      for (const pid of left) process.kill(pid, "SIGKILL"); // never leave them running for the next spec
      // Unisolated, a detached grandchild has left the group: only the isolated rungs promise this.
      if (planIsolation("auto", dir, path.join(dir, "index.js")).isolation.full)
        assert.deepStrictEqual(left, [], "the program's processes outlived the gate");
    });

    it("SIGSTOP and SIGKILL sent by the program cannot reach the gate; --timeout still ends a busy loop", async () => {
      // The engine's process is out of reach of the program here; a stopped gate would hang past --timeout.
      const attack =
        'for (const s of ["SIGSTOP", "SIGKILL"]) { try { if (process.ppid > 1) process.kill(process.ppid, s); } catch { /* EPERM */ } }\n' +
        "while (true) {}\n";
      const dir = project({ "index.js": header + publicBucket + attack });
      const started = Date.now();
      const r = await check(
        dir,
        {},
        "--timeout",
        "3",
        "--format",
        "json",
        "--output",
        path.join(dir, "r.json"),
      );
      const j = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(j.error, /did not finish within 3000 ms/);
      assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
      // Stopped, the gate would hang until mocha's timeout; killed, it would end by a signal, not exit 2.
      if (!j.isolation.full) assert.match(j.isolation.description, /NOT ISOLATED/);
    });
  });

  describe("registrations after the program's main has finished", () => {
    it("one made later (a timer, an apply resolved late) is checked, as the engine steps it", async () => {
      // The language host runs until the event loop is empty and the engine takes registrations until the
      // SDK's shutdown handshake: nothing registered late is lost.
      const late =
        'setTimeout(() => new s3.Bucket("site", { acl: "public-read" }), 300);\n' +
        'pulumi.output(new Promise((r) => setTimeout(() => r("public-read"), 500))).apply((acl) => new s3.Bucket("other", { acl }));\n' +
        "module.exports = {};\n";
      const dir = project({ "index.js": header + late });
      const r = await check(dir, {}, "--format", "json");
      assert.strictEqual(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout) as Json;
      assert.ok(publicAcl(j));
      assert.ok(j.violations.some((v) => v.policy === PUBLIC_ACL && v.urn.endsWith("::other")));
    });

    it("one made after the shutdown handshake is dropped as the engine drops it, and said", async () => {
      // evalSourceIterator.Next (source_eval.go) takes no event after SignalAndWaitForShutdown: such a
      // registration is never stepped, analyzed or deployed, and fails with UNAVAILABLE at the end.
      const settings = JSON.stringify(require.resolve("@pulumi/pulumi/runtime/settings"));
      const afterShutdown =
        `const settings = require(${settings});\n` +
        'setTimeout(async () => { await settings.signalAndWaitForShutdown(); new s3.Bucket("late", { acl: "public-read" }); }, 100);\n';
      const dir = project({ "index.js": header + afterShutdown });
      const r = await check(dir, {}, "--format", "json");
      const j = JSON.parse(r.stdout) as Json;
      assert.ok(!j.resources.some((x) => x.urn.endsWith("::late")));
      assert.match(r.stderr, /aws:s3\/bucket:Bucket late: sent after the program's shutdown handshake/);
      assert.strictEqual(r.code, 0, r.stderr);
    });
  });
});
