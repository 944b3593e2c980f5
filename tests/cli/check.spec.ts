import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import { CLI, FIXTURES, ROOT, groundwork, packProcessOf, processAlive } from "./helpers";
import { sarifValidator } from "../check/sarif-schema";
import { policies } from "../../policy/pack";

// xml2js: the parser many CI JUnit readers are built on; no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise(xml: string): Promise<JunitDoc> };
interface JunitCase {
  $: { name: string; classname: string };
  failure?: { $: { message: string } }[];
}
interface JunitDoc {
  testsuites: {
    $: Record<string, string>;
    testsuite: { $: Record<string, string>; testcase: JunitCase[] }[];
  };
}

const PROJECT = path.join("tests", "fixtures", "public-bucket");
const SAMPLE = path.join("tests", "fixtures", "packs", "sample");
const BUCKET = "urn:pulumi:dev::public-bucket::aws:s3/bucket:Bucket::assets";
const PUBLIC_ACL = "groundwork-security/aws-s3-no-public-acl";
// The default pack (ours, in-process), as a CI job would run it.
const publicBucket = (format: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  groundwork("check", PROJECT, "--stack", "dev", "--format", format);
// The same program with the sample pack added beside the built-in one, plus `flags`.
const withSamplePack = (...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  groundwork("check", PROJECT, "--stack", "dev", "--policy-pack", SAMPLE, ...flags);

// Temporary directories made by these specs, removed when they finish.
const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-check-"));
  temps.push(dir);
  return dir;
}
/** A throwaway project whose program is `program` (plain JavaScript, no imports). */
function tempProject(program: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: tmp\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  fs.writeFileSync(path.join(dir, "index.js"), program);
  return dir;
}

describe("groundwork check (the built command)", function () {
  this.timeout(120_000);
  after(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  describe("a program with a public bucket: exit 1 and the finding in every format", () => {
    it("table", async () => {
      const r = await publicBucket("table");
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(r.stdout, /^groundwork check public-bucket\/dev\n3 resources, \d+ policies evaluated\n/);
      const mandatory = r.stdout.slice(r.stdout.indexOf("MANDATORY ("), r.stdout.indexOf("ADVISORY ("));
      const critical = mandatory.slice(mandatory.indexOf("  critical ("), mandatory.indexOf("  high ("));
      // The resource, then the program's line that made it, then each finding without the description.
      assert.match(
        critical,
        /aws:s3\/bucket:Bucket assets {2}urn:pulumi:dev::public-bucket::aws:s3\/bucket:Bucket::assets\n {6}at tests\/fixtures\/public-bucket\/src\/program\.js:\d+:\d+\n/,
      );
      assert.match(critical, /\n {6}groundwork-security\/aws-s3-no-public-acl: canned ACL "public-read"/);
      // Each policy's description once, in its own section, not beside every finding.
      const description = policies.find((p) => p.name === "aws-s3-no-public-acl")!.description;
      assert.strictEqual(r.stdout.split(description).length - 1, 1, "the description printed once");
      assert.ok(r.stdout.indexOf("POLICIES WITH FINDINGS") > r.stdout.indexOf("ADVISORY ("));
      assert.ok(r.stdout.indexOf("MANDATORY (") < r.stdout.indexOf("ADVISORY ("), "level order");
      assert.match(r.stdout, /FAIL: \d+ mandatory/);
      assert.doesNotMatch(r.stdout, /\x1b\[/, "no colour when not a terminal");
    });

    it("json, in the DESIGN.md shape", async () => {
      const r = await publicBucket("json");
      assert.strictEqual(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.deepStrictEqual(Object.keys(j), [
        "project",
        "stack",
        "isolation",
        "resources",
        "violations",
        "waivers",
        "undecided",
        "incomplete",
        "summary",
      ]);
      assert.deepStrictEqual([j.project, j.stack], ["public-bucket", "dev"]);
      // The bucket's TLS-only check reads the bucket policy, whose document is built from the bucket's ARN:
      // unknown in preview, so undecided, with the property it could not read.
      assert.strictEqual(j.summary.undecided, j.undecided.length);
      const tls = j.undecided.find((u: { policy: string }) => u.policy === "aws-s3-tls-only");
      assert.deepStrictEqual(tls && [tls.pack, tls.urn, tls.type, tls.property], [
        "groundwork-security",
        BUCKET,
        "aws:s3/bucket:Bucket",
        ".policy",
      ]);
      const bucket = j.resources.find((x: { urn: string }) => x.urn === BUCKET);
      assert.strictEqual(
        Object.keys(bucket).join(" "),
        "urn type name parent custom provider inputs dependencies propertyDependencies protect",
      );
      assert.strictEqual(bucket.inputs.acl, "public-read");
      const v = j.violations.find((x: { policy: string }) => x.policy === "aws-s3-no-public-acl");
      assert.deepStrictEqual(Object.keys(v), [
        "pack",
        "policy",
        "enforcementLevel",
        "severity",
        "urn",
        "message",
        "location",
        "relatedLocations",
        "references",
        "frameworks",
      ]);
      // The program's own line (`new s3.Bucket(` on line 8), relative to where the gate ran.
      assert.deepStrictEqual(v.location, {
        file: "tests/fixtures/public-bucket/src/program.js",
        line: 8,
        column: 18,
      });
      assert.deepStrictEqual(v.relatedLocations, []);
      assert.deepStrictEqual(
        [v.pack, v.enforcementLevel, v.severity, v.urn],
        ["groundwork-security", "mandatory", "critical", BUCKET],
      );
      // The policy's own references, and the frameworks they map to, so findings map to controls.
      const acl = policies.find((p) => p.name === "aws-s3-no-public-acl");
      assert.deepStrictEqual(v.references, acl?.references);
      assert.ok(
        v.references.some((ref: string) => /^CKV_AWS_\d+$/.test(ref)),
        v.references.join(),
      );
      assert.ok(v.frameworks.includes("checkov"), v.frameworks.join());
      assert.match(v.message, /canned ACL "public-read"/);
      const mandatory = j.violations.filter(
        (x: { enforcementLevel: string }) => x.enforcementLevel === "mandatory",
      );
      assert.strictEqual(j.summary.mandatory, mandatory.length);
      assert.strictEqual(j.summary.resources, 3);
    });

    it("sarif, valid against the published 2.1.0 schema and pointing at the program", async () => {
      const r = await publicBucket("sarif");
      assert.strictEqual(r.code, 1, r.stderr);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const run = log.runs[0];
      const result = run.results.find((x: { ruleId: string }) => x.ruleId === PUBLIC_ACL);
      assert.strictEqual(result.level, "error");
      const rule = run.tool.driver.rules[result.ruleIndex];
      assert.strictEqual(rule.id, PUBLIC_ACL);
      assert.ok(rule.help.text.length > 0);
      assert.strictEqual(rule.properties["security-severity"], "9.5");
      assert.strictEqual(result.locations[0].logicalLocations[0].fullyQualifiedName, BUCKET);
      assert.deepStrictEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: "tests/fixtures/public-bucket/src/program.js" },
        region: { startLine: 8, startColumn: 18 },
      });
      // Each result says what is wrong with its resource; the rule holds the policy's description.
      assert.match(result.message.text, /^canned ACL "public-read"/);
    });

    it("junit, one case per policy, failing on the mandatory finding", async () => {
      const r = await publicBucket("junit");
      assert.strictEqual(r.code, 1, r.stderr);
      const xml = await parseStringPromise(r.stdout);
      const suite = xml.testsuites.testsuite[0];
      assert.strictEqual(suite.$.name, "groundwork-security");
      const cases = suite.testcase.filter((c) => c.$.classname === PUBLIC_ACL);
      assert.deepStrictEqual(
        cases.map((c) => [c.$.name, Boolean(c.failure)]),
        [["aws-s3-no-public-acl", true]],
      );
      // One case per enabled or disabled policy of the pack, whatever the number of resource types.
      const policies = JSON.parse((await publicBucket("json")).stdout).summary.packs[0].policies;
      assert.ok(suite.testcase.length >= policies, `${suite.testcase.length} cases for ${policies} policies`);
      assert.strictEqual(new Set(suite.testcase.map((c) => c.$.name)).size, suite.testcase.length);
      const failures = suite.testcase.filter((c) => c.failure).length;
      assert.strictEqual(xml.testsuites.$.failures, String(failures));
    });
  });

  it("runs @pulumi/awsguard through the analyzer host and fails on its mandatory finding", async () => {
    const r = await groundwork(
      "check",
      PROJECT,
      "--stack",
      "dev",
      "--policy-pack",
      path.join(FIXTURES, "awsguard-pack"),
    );
    assert.strictEqual(r.code, 1, r.stderr);
    const mandatory = r.stdout.slice(r.stdout.indexOf("MANDATORY ("), r.stdout.indexOf("ADVISORY ("));
    // awsguard gives no severity: said as such, among the mandatory findings, not after low advisories.
    assert.match(
      mandatory,
      /severity not set \(\d+\)\n[^]*\n {6}pulumi-awsguard\/s3-bucket-logging-enabled: Bucket logging must be defined\./,
    );
  });

  describe("extra packs add to the built-in pack; only --no-builtin removes it", () => {
    it("a --policy-pack runs beside the built-in pack: its findings stay, and the summary names both", async () => {
      const r = await withSamplePack("--format", "json");
      assert.strictEqual(r.code, 1, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepStrictEqual(
        report.summary.packs.map((p: { name: string; builtIn: boolean }) => [p.name, p.builtIn]),
        [
          ["groundwork-security", true],
          ["sample", false],
        ],
      );
      assert.strictEqual(report.summary.builtInDisabled, false);
      const packs = new Set(report.violations.map((v: { pack: string }) => v.pack));
      assert.ok(packs.has("groundwork-security"), "the built-in pack's findings are kept");
      assert.ok(
        report.violations.some(
          (v: { pack: string; policy: string }) => `${v.pack}/${v.policy}` === PUBLIC_ACL,
        ),
      );
    });

    it("the table names every pack with its policy count", async () => {
      const r = await withSamplePack();
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(r.stdout, /\npacks: groundwork-security \(\d+, built-in\), sample \(3\)\n/);
    });

    it("--no-builtin runs only the extra packs, and every report says the built-in pack is off", async () => {
      const r = await withSamplePack("--no-builtin");
      assert.doesNotMatch(r.stdout, /groundwork-security\//);
      assert.match(
        r.stdout,
        /\npacks: sample \(3\)\nthe built-in pack groundwork-security is turned off \(--no-builtin\)\n/,
      );
      const json = await withSamplePack("--no-builtin", "--format", "json");
      assert.strictEqual(JSON.parse(json.stdout).summary.builtInDisabled, true);
    });

    it("--builtin-config configures the built-in pack beside extra packs", async () => {
      const config = path.join(tempDir(), "builtin.json");
      fs.writeFileSync(config, JSON.stringify({ all: "advisory" }));
      const r = await withSamplePack("--builtin-config", config, "--format", "json");
      const report = JSON.parse(r.stdout);
      const own = report.violations.filter((v: { pack: string }) => v.pack === "groundwork-security");
      assert.ok(own.length > 0);
      assert.ok(own.every((v: { enforcementLevel: string }) => v.enforcementLevel === "advisory"));
    });

    it("refuses --no-builtin with nothing else to run, and extra configs, as usage errors", async () => {
      const none = await groundwork("check", PROJECT, "--stack", "dev", "--no-builtin");
      assert.strictEqual(none.code, 2);
      assert.match(none.stderr, /--no-builtin needs at least one --policy-pack/);
      const two = await groundwork(
        "check",
        PROJECT,
        "--stack",
        "dev",
        "--policy-pack-config",
        "a.json",
        "--policy-pack-config",
        "b.json",
      );
      assert.strictEqual(two.code, 2);
      assert.match(two.stderr, /2 --policy-pack-config given for the built-in pack\(s\).*--builtin-config/);
    });
  });

  it("exits 0 when nothing mandatory is violated, and writes --output", async () => {
    const out = path.join(tempDir(), "report.sarif");
    const r = await groundwork(
      "check",
      PROJECT,
      "--stack",
      "empty",
      "--policy-pack",
      SAMPLE,
      "--format",
      "sarif",
      "--output",
      out,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, "");
    const log = JSON.parse(fs.readFileSync(out, "utf8"));
    assert.deepStrictEqual(log.runs[0].results, []);
    assert.match(r.stderr, /0 mandatory, 0 advisory violation\(s\); sarif report written to/);
  });

  it("exits 2 with the program's error and location when the program throws", async () => {
    const r = await groundwork(
      "check",
      path.join("tests", "fixtures", "throws"),
      "--stack",
      "dev",
      "--policy-pack",
      SAMPLE,
    );
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^groundwork check: error: .*no bucket name configured for dev/);
    assert.match(r.stderr, /tests\/fixtures\/throws\/index\.ts:5:9/);
    assert.strictEqual(r.stdout, "");
  });

  it("exits 2 on an unknown stack, naming it and the stacks that exist", async () => {
    const r = await groundwork("check", PROJECT, "--stack", "prod");
    assert.strictEqual(r.code, 2);
    assert.match(
      r.stderr,
      /no stack named 'prod' found: .*Pulumi\.prod\.yaml does not exist \(stacks here: badkey, dev, empty\)/,
    );
  });

  it("exits 2 with usage on bad arguments, and on a pack that cannot start", async () => {
    const bad = await groundwork("check", PROJECT, "--stack", "dev", "--format", "xml");
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format xml is not one of table, json, sarif, junit\n\nusage:/);
    const crash = await groundwork(
      "check",
      PROJECT,
      "--stack",
      "dev",
      "--policy-pack",
      path.join(FIXTURES, "packs", "crash"),
    );
    assert.strictEqual(crash.code, 2);
    assert.match(crash.stderr, /policy pack .*crash: exited unexpectedly[\s\S]*broken on purpose/);
  });

  it("fails at once on a program that awaits what can never happen, not after --timeout", async () => {
    const dir = tempProject("module.exports = async () => { await new Promise(() => undefined); };\n");
    const started = Date.now();
    const r = await groundwork("check", dir, "--stack", "dev", "--timeout", "120");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /did not finish and has nothing left to wait for/);
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });

  it("--timeout bounds a program that keeps itself busy; a bad value is a usage error", async () => {
    const dir = tempProject("module.exports = () => new Promise(() => setInterval(() => undefined, 50));\n");
    const r = await groundwork("check", dir, "--stack", "dev", "--timeout", "1.5");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /index\.js did not finish within 1500 ms/);
    for (const bad of ["0", "-1", "soon"]) {
      const u = await groundwork("check", dir, "--stack", "dev", `--timeout=${bad}`);
      assert.strictEqual(u.code, 2);
      assert.match(u.stderr, /--timeout .* is not a positive number of seconds\n\nusage:/);
    }
  });

  it("waits for an un-awaited async main that sleeps before creating resources, and fails on its late throw", async () => {
    const program = (after: string): string =>
      "async function main() {\n" +
      "  await new Promise((r) => setTimeout(r, 50));\n" +
      `  ${after}\n` +
      "}\nmain();\n";
    const late = await groundwork(
      "check",
      tempProject(program('throw new Error("failed after the sleep");')),
      "--stack",
      "dev",
    );
    assert.strictEqual(late.code, 2, late.stderr);
    assert.match(late.stderr, /index\.js:3:\d+: failed after the sleep/);
  });

  it("takes --stack ORG/NAME and ORG/PROJECT/NAME; refuses another project and path-like names", async () => {
    for (const stack of ["acme/dev", "acme/public-bucket/dev"]) {
      const r = await groundwork("check", PROJECT, "--stack", stack, "--format", "json");
      assert.strictEqual(r.code, 1, `${stack}: ${r.stderr}`);
      assert.strictEqual(JSON.parse(r.stdout).stack, "dev");
    }
    const other = await groundwork("check", PROJECT, "--stack", "acme/other/dev");
    assert.strictEqual(other.code, 2);
    assert.match(
      other.stderr,
      /--stack acme\/other\/dev names project 'other', but this project is 'public-bucket'/,
    );
    for (const stack of ["../dev", "..", "a/b/c/d", "dev x"]) {
      const r = await groundwork("check", PROJECT, "--stack", stack);
      assert.strictEqual(r.code, 2, stack);
      assert.match(r.stderr, /^groundwork: --stack /, stack);
    }
  });

  it("--output that cannot be written: exit 2 naming the file, and no 'report written'", async () => {
    const notADir = path.join(tempDir(), "file");
    fs.writeFileSync(notADir, "");
    const targets = [path.join(notADir, "report.json"), path.join(notADir, "sub", "report.json")];
    if (process.platform === "linux") targets.push("/proc/nope/x.json");
    for (const out of targets) {
      const r = await groundwork("check", PROJECT, "--stack", "dev", "--format", "json", "--output", out);
      assert.strictEqual(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`cannot write report to ${out.replace(/[/\\.]/g, "\\$&")}: `));
      assert.doesNotMatch(r.stderr, /report written/);
    }
    // A missing directory whose parent exists is created, as before.
    const fresh = path.join(tempDir(), "reports", "r.json");
    const ok = await groundwork("check", PROJECT, "--stack", "dev", "--format", "json", "--output", fresh);
    assert.strictEqual(ok.code, 1, ok.stderr);
    assert.strictEqual(JSON.parse(fs.readFileSync(fresh, "utf8")).stack, "dev");
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} stops the policy pack's process too, exits 2 and writes the requested report`, async () => {
      // Every catchable signal ends the check with exit 2 (ADR 0014, amending ADR 0007's 130 / 143): a CI
      // step reads any other code as something it is not, and the report says why there is no verdict.
      const out = path.join(tempDir(), "report.json");
      const cli = spawn(
        process.execPath,
        [
          CLI,
          "check",
          PROJECT,
          "--stack",
          "dev",
          "--policy-pack",
          path.join(FIXTURES, "packs", "stall"),
          "--format",
          "json",
          "--output",
          out,
        ],
        { cwd: ROOT, stdio: "ignore" },
      );
      const exited = new Promise<number | null>((resolve) => cli.on("exit", (c) => resolve(c)));
      // The pack is the CLI's child running the stall pack; wait for it to appear.
      const pack = await packProcessOf(cli.pid!);
      assert.ok(pack, "the pack process never started");
      // The pack starts before the program runs (ADR 0014); the signal lands while the program or the
      // stalled Analyze call runs, and either way nothing may be left and the report must say why.
      await new Promise((r) => setTimeout(r, 500));
      cli.kill(signal);
      assert.strictEqual(await exited, 2);
      const alive = (): boolean => processAlive(pack!);
      for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(!alive(), `pack process ${pack} outlived the CLI`);
      const report = JSON.parse(fs.readFileSync(out, "utf8"));
      assert.match(report.error, new RegExp(`interrupted by ${signal}`));
      assert.strictEqual(typeof report.isolation?.mode, "string");
    });
  }
});
