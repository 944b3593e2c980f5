import * as assert from "assert";
import * as path from "path";
import { ResourceGraph } from "../../engine/graph";
import { AnalyzerError, runPolicyPack } from "../../check/analyzer/host";
import { parsePolicyPackConfig, reconcilePolicyConfig } from "../../check/policy-config";
import { runCheck, synthProject } from "../../check/gate";
import { FIXTURES, ROOT } from "../cli/helpers";

const BUCKET = "urn:pulumi:dev::public-bucket::aws:s3/bucket:Bucket::assets";
const pack = (name: string): string => path.join(FIXTURES, "packs", name);

describe("analyzer host: CrossGuard packs over pulumirpc.Analyzer", function () {
  this.timeout(90_000);
  let graph: ResourceGraph;
  const host = { project: "public-bucket", stack: "dev" };

  before(async () => {
    ({ graph } = await synthProject(path.join(FIXTURES, "public-bucket"), "dev"));
  });

  it("runs the third-party @pulumi/awsguard pack unmodified and reports on the bare bucket", async () => {
    const run = await runPolicyPack(path.join(FIXTURES, "awsguard-pack"), graph, host);
    assert.strictEqual(run.packName, "pulumi-awsguard");
    assert.ok(run.policies.length > 20, `awsguard lists its policies (${run.policies.length})`);
    assert.ok(
      run.policies.every((p) => p.enforcementLevel === "mandatory"),
      "all: mandatory reached the pack",
    );
    const logging = run.violations.find((v) => v.policy === "s3-bucket-logging-enabled");
    assert.ok(logging, JSON.stringify(run.violations));
    assert.strictEqual(logging.urn, BUCKET);
    assert.strictEqual(logging.enforcementLevel, "mandatory");
    assert.match(logging.message, /Bucket logging must be defined/);
  });

  it("remediates, analyzes the remediated inputs, and runs stack policies with their configured schema values", async () => {
    const run = await runPolicyPack(pack("sample"), graph, {
      ...host,
      policyConfig: { "bucket-budget": { maxBuckets: 0 } },
    });
    assert.deepStrictEqual(
      run.remediations.map((r) => [r.policy, r.urn, r.inputs.acl]),
      [["private-acl", BUCKET, "private"]],
    );
    assert.ok(
      !run.violations.some((v) => v.policy === "private-acl"),
      "the remediated acl no longer violates",
    );
    const advisory = run.violations.find((v) => v.policy === "no-force-destroy");
    assert.deepStrictEqual(advisory && [advisory.enforcementLevel, advisory.severity, advisory.urn], [
      "advisory",
      "medium",
      BUCKET,
    ]);
    const budget = run.violations.find((v) => v.policy === "bucket-budget");
    assert.ok(budget, "maxBuckets: 0 from the config reached validateStack");
    assert.strictEqual(budget.enforcementLevel, "mandatory");
    assert.match(budget.message, /1 buckets, at most 0 allowed/);
    const info = run.policies.find((p) => p.name === "no-force-destroy");
    assert.strictEqual(info?.url, "https://example.com/policies/no-force-destroy");
  });

  it("uses the schema default when the config leaves a property out", async () => {
    const run = await runPolicyPack(pack("sample"), graph, {
      ...host,
      policyConfig: { "private-acl": "mandatory" },
    });
    assert.ok(
      !run.violations.some((v) => v.policy === "bucket-budget"),
      "default maxBuckets 5 allows one bucket",
    );
    const acl = run.violations.find((v) => v.policy === "private-acl");
    assert.strictEqual(acl?.enforcementLevel, "mandatory");
    assert.deepStrictEqual(run.remediations, [], "mandatory instead of remediate: no remediation");
  });

  it("refuses config that fails a policy's schema, in the CLI's words, before analyzing anything", async () => {
    await assert.rejects(
      runPolicyPack(pack("sample"), graph, {
        ...host,
        policyConfig: { "bucket-budget": { maxBuckets: "two" } },
        policyConfigFile: "budget.json",
      }),
      (err: Error) =>
        err instanceof AnalyzerError &&
        err.message ===
          "budget.json: validating policy config: bucket-budget: maxBuckets: Invalid type. Expected: integer, given: string",
    );
  });

  it("gives a clear error for a pack that crashes while loading", async () => {
    await assert.rejects(runPolicyPack(pack("crash"), graph, host), (err: Error) => {
      assert.ok(err instanceof AnalyzerError);
      assert.match(err.message, /exited unexpectedly \(exit code \d+\)/);
      assert.match(err.message, /crash pack: broken on purpose/);
      assert.doesNotMatch(err.message, /\x1b\[/, "no terminal colour codes");
      return true;
    });
  });

  it("gives up on a pack that never serves, instead of hanging", async () => {
    const started = Date.now();
    await assert.rejects(
      runPolicyPack(pack("silent"), graph, { ...host, startTimeoutMs: 1500 }),
      /did not print its gRPC port within 1500 ms/,
    );
    assert.ok(Date.now() - started < 10_000);
  });

  it("gives up on a policy that never answers, instead of hanging", async () => {
    await assert.rejects(
      runPolicyPack(pack("stall"), graph, { ...host, rpcTimeoutMs: 1500 }),
      /Analyze .*: no answer within 1500 ms/,
    );
  });

  it("refuses a directory that is not a pack", async () => {
    await assert.rejects(
      runPolicyPack(FIXTURES, graph, host),
      /is not a policy pack: it has no PulumiPolicy.yaml/,
    );
  });
});

describe("policy pack config", () => {
  it("rejects what the CLI rejects, in its words", () => {
    assert.throws(
      () => parsePolicyPackConfig({ p: "strict" }),
      /^Error: parsing enforcement level for "p": "strict" is not a valid enforcement level$/,
    );
    assert.throws(
      () => parsePolicyPackConfig({ p: { enforcementLevel: 3 } }),
      /3 is not a valid enforcement level; must be a string/,
    );
    assert.throws(
      () => parsePolicyPackConfig({ p: 3 }),
      /parsing "p": 3 is not a valid value; must be a string or object/,
    );
  });

  it("applies `all`, then per-policy levels, over schema defaults; and names unknown policies", () => {
    const policies = [
      {
        name: "a",
        enforcementLevel: "advisory" as const,
        schema: { properties: { n: { type: "integer", default: 2 } } },
      },
      { name: "b", enforcementLevel: "advisory" as const },
    ];
    const r = reconcilePolicyConfig(policies, {}, { all: "mandatory", b: "disabled", a: { n: 7 } });
    assert.deepStrictEqual(r, {
      a: { enforcementLevel: "mandatory", properties: { n: 7 } },
      b: { enforcementLevel: "disabled", properties: undefined },
    });
    assert.throws(
      () => reconcilePolicyConfig(policies, {}, { c: "mandatory" }),
      /names "c" \(did you mean "a"\?\), which the pack does not define \(of its 2 policies\)$/,
    );
    assert.throws(
      () =>
        reconcilePolicyConfig(
          [
            {
              name: "r",
              enforcementLevel: "advisory",
              schema: { properties: { k: { type: "string" } }, required: ["k"] },
            },
          ],
          {},
          {},
        ),
      /validating policy config: r: k is required/,
    );
  });

  it("validates each config on its own: a schema compiled once keeps no verdict from the last call", () => {
    // The compiled validator is reused across calls (and packs with the same schema); its verdict must not be.
    const policies = [
      {
        name: "t",
        enforcementLevel: "advisory" as const,
        schema: { properties: { days: { type: "integer", minimum: 1 } } },
      },
    ];
    const bad = (): unknown => reconcilePolicyConfig(policies, {}, { t: { days: 0 } });
    assert.throws(bad, /validating policy config: t: days: Must be greater than or equal to 1/);
    assert.deepStrictEqual(reconcilePolicyConfig(policies, {}, { t: { days: 30 } }).t.properties, {
      days: 30,
    });
    assert.throws(bad, /validating policy config: t: days: Must be greater than or equal to 1/);
    // Another pack's policy with the same schema under another name: its own name in the message.
    assert.throws(
      () => reconcilePolicyConfig([{ ...policies[0], name: "u" }], {}, { u: { days: -1 } }),
      /validating policy config: u: days: Must be greater than or equal to 1/,
    );
  });
});

describe("our own pack through the real protocol", function () {
  this.timeout(120_000);

  it("`--policy-pack policy` over gRPC finds exactly what the in-process fast path finds", async () => {
    const dir = path.join(FIXTURES, "public-bucket");
    const key = (v: { pack: string; policy: string; urn?: string; enforcementLevel: string }): string =>
      `${v.pack}|${v.policy}|${v.urn ?? ""}|${v.enforcementLevel}`;
    const inProcess = await runCheck({ projectDir: dir, stack: "dev" });
    const overGrpc = await runCheck({
      projectDir: dir,
      stack: "dev",
      policyPacks: [path.join(ROOT, "policy")],
    });
    assert.ok(
      inProcess.report.violations.some((v) => v.policy === "aws-s3-no-public-acl" && v.urn === BUCKET),
      "the public bucket is found",
    );
    assert.deepStrictEqual(
      overGrpc.report.violations.map(key).sort(),
      inProcess.report.violations.map(key).sort(),
    );
    assert.deepStrictEqual(
      overGrpc.report.undecided.map((u) => `${u.policy}|${u.urn}`).sort(),
      inProcess.report.undecided.map((u) => `${u.policy}|${u.urn}`).sort(),
    );
    assert.strictEqual(overGrpc.exitCode, 1);
    assert.strictEqual(overGrpc.report.policies.length, inProcess.report.policies.length);
  });
});

describe("--update", function () {
  this.timeout(60_000);

  it("synthesizes in update mode, where checks undecided in preview get decided", async () => {
    const dir = path.join(FIXTURES, "public-bucket");
    const preview = await runCheck({ projectDir: dir, stack: "dev" });
    const update = await runCheck({ projectDir: dir, stack: "dev", update: true });
    assert.strictEqual(preview.report.graph.preview, true);
    assert.strictEqual(update.report.graph.preview, false);
    assert.ok(preview.report.undecided.length > 0, "the bucket policy's JSON is unknown in preview");
    assert.deepStrictEqual(update.report.undecided, []);
  });
});
