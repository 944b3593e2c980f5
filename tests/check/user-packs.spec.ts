// Every pack first-class: a user's pack config (waivers, enforcement levels, per-policy config) applies as
// the built-in pack's does, over the analyzer protocol and in-process alike; what cannot apply is refused.
import * as assert from "assert";
import * as path from "path";
import type { Policy } from "@pulumi/policy";
import { ResourceGraph } from "../../engine/graph";
import { AnalyzerError, runPolicyPack } from "../../check/analyzer/host";
import { synthProject } from "../../check/gate";
import { evaluatePolicies } from "../../check/in-process/evaluate";
import { PolicyReport } from "../../check/report";
import { FIXTURES, groundwork } from "../cli/helpers";

const pack = (name: string): string => path.join(FIXTURES, "packs", name);
const PROJECT = path.join(FIXTURES, "public-bucket");
const BUCKET = "urn:pulumi:dev::public-bucket::aws:s3/bucket:Bucket::assets";
const NOW = new Date("2026-06-01T00:00:00Z");
const WAIVER = { urn: "*::assets", reason: "a static site", owner: "team-web", expires: "2026-12-31" };

/** The fixed-level fixture pack, as an object for the in-process path: it files every finding mandatory. */
const fixedLevel = {
  name: "fixed-level",
  policies: [
    {
      name: "no-public-acl",
      description: "Buckets must not have a public canned ACL.",
      enforcementLevel: "mandatory",
      validateResource: (
        args: { type: string; urn: string; props: Record<string, unknown> },
        report: (v: unknown) => void,
      ) => {
        if (args.type === "aws:s3/bucket:Bucket" && String(args.props.acl ?? "").startsWith("public"))
          report({
            message: `acl is ${String(args.props.acl)}`,
            urn: args.urn,
            enforcementLevel: "mandatory",
          });
      },
    } as unknown as Policy,
  ],
};

/** What a report says of one pack, in a form both paths must agree on. */
function summary(r: PolicyReport, packName: string) {
  return {
    violations: r.violations
      .filter((v) => v.pack === packName)
      .map((v) => [v.policy, v.enforcementLevel, v.urn ?? null])
      .sort(),
    waivers: r.waivers.map((w) => [w.policy, w.status, w.urn ?? null]).sort(),
  };
}

describe("user packs are first-class: waivers, levels and config apply as to the built-in pack", function () {
  this.timeout(120_000);
  let graph: ResourceGraph;
  const host = { project: "public-bucket", stack: "dev", now: NOW };
  // Both paths: the fixture over the analyzer protocol, and the same pack in-process.
  const both = async (config: Record<string, unknown>) => ({
    protocol: summary(
      await runPolicyPack(pack("fixed-level"), graph, { ...host, policyConfig: config }),
      "fixed-level",
    ),
    inProcess: summary(await evaluatePolicies(graph, { pack: fixedLevel, config, now: NOW }), "fixed-level"),
  });

  before(async () => {
    ({ graph } = await synthProject(PROJECT, "dev"));
  });

  it("without config, the pack's finding is mandatory on both paths", async () => {
    const r = await both({});
    assert.deepStrictEqual(r.protocol.violations, [["no-public-acl", "mandatory", BUCKET]]);
    assert.deepStrictEqual(r.inProcess, r.protocol);
  });

  it("a valid waiver in the pack's config suppresses the finding, recorded as applied", async () => {
    // The pack's policy declares no `waivers`: the gate applies them, as Groundwork's pack would.
    const r = await both({ "no-public-acl": { waivers: [WAIVER] } });
    assert.deepStrictEqual(r.protocol, { violations: [], waivers: [["no-public-acl", "applied", BUCKET]] });
    assert.deepStrictEqual(r.inProcess, r.protocol);
  });

  it("an expired waiver suppresses nothing and is itself a mandatory finding (advisory under `all`)", async () => {
    const expired = { "no-public-acl": { waivers: [{ ...WAIVER, expires: "2026-01-01" }] } };
    const r = await both(expired);
    assert.deepStrictEqual(r.protocol.violations, [
      [
        "groundwork-waivers",
        "mandatory",
        "urn:pulumi:dev::public-bucket::pulumi:pulumi:Stack::public-bucket-dev",
      ],
      ["no-public-acl", "mandatory", BUCKET],
    ]);
    assert.deepStrictEqual(r.protocol.waivers, [["no-public-acl", "expired", null]]);
    assert.deepStrictEqual(r.inProcess, r.protocol);
    const advisory = await both({ ...expired, all: "advisory" });
    assert.deepStrictEqual(
      advisory.protocol.violations.map((v) => v[1]),
      ["advisory", "advisory"],
    );
    assert.deepStrictEqual(advisory.inProcess, advisory.protocol);
  });

  it("a configured level applies even where the pack files its finding at a level of its own", async () => {
    const advisory = await both({ "no-public-acl": "advisory" });
    assert.deepStrictEqual(advisory.protocol.violations, [["no-public-acl", "advisory", BUCKET]]);
    assert.deepStrictEqual(advisory.inProcess, advisory.protocol);
    const disabled = await both({ all: "disabled" });
    assert.deepStrictEqual(disabled.protocol.violations, []);
    assert.deepStrictEqual(disabled.inProcess, disabled.protocol);
  });

  it("a property the policy does not read is refused, with the one it reads suggested", async () => {
    // sample's bucket-budget reads `maxBuckets`: a typo would have run it at its default, silently.
    await assert.rejects(
      runPolicyPack(pack("sample"), graph, { ...host, policyConfig: { "bucket-budget": { maxBucket: 0 } } }),
      (err: Error) =>
        err instanceof AnalyzerError &&
        /config for policy "bucket-budget" sets "maxBucket", which the policy does not read \(it reads "maxBuckets"; did you mean "maxBuckets"\?\)/.test(
          err.message,
        ),
    );
    await assert.rejects(
      evaluatePolicies(graph, { pack: fixedLevel, config: { "no-public-acl": { pattern: "x" } } }),
      /policy pack 'fixed-level': config for policy "no-public-acl" sets "pattern", which the policy does not read \(it declares no config\)/,
    );
  });

  it("a misspelled policy name suggests the nearest one instead of listing every name", async () => {
    await assert.rejects(
      evaluatePolicies(graph, { config: { "aws-s3-versionning": "advisory" } }),
      (err: Error) => {
        assert.match(err.message, /names "aws-s3-versionning" \(did you mean "aws-s3-versioning"\?\)/);
        assert.doesNotMatch(err.message, /aws-s3-lifecycle/, "no list of every policy");
        return true;
      },
    );
  });

  it("a built-in policy configured in a user's pack's config says where it belongs", async () => {
    await assert.rejects(
      runPolicyPack(pack("sample"), graph, { ...host, policyConfig: { "aws-s3-versioning": "advisory" } }),
      /names "aws-s3-versioning" \(a policy of the built-in pack groundwork-security: configure it with --builtin-config\)/,
    );
  });

  it("a misspelled pack directory suggests the pack beside it (exit 2)", async () => {
    const r = await groundwork("check", PROJECT, "--stack", "dev", "--policy-pack", pack("sampel"));
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /sampel is not a policy pack: no such directory; did you mean ".*packs\/sample"\?/,
    );
  });

  it("the gate applies a waiver from the user pack's --policy-pack-config, end to end", async () => {
    const config = path.join(FIXTURES, "packs", "fixed-level-waiver.json");
    const r = await groundwork(
      "check",
      PROJECT,
      "--stack",
      "dev",
      "--policy-pack",
      pack("fixed-level"),
      "--policy-pack-config",
      config,
      "--format",
      "json",
    );
    const report = JSON.parse(r.stdout);
    const mine = report.violations.filter((v: { pack: string }) => v.pack === "fixed-level");
    assert.deepStrictEqual(mine, []);
    assert.deepStrictEqual(
      report.waivers
        .filter((w: { pack: string }) => w.pack === "fixed-level")
        .map((w: { policy: string; status: string; urn: string }) => [w.policy, w.status, w.urn]),
      [["no-public-acl", "applied", BUCKET]],
    );
  });
});
