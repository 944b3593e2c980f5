// The public entry users' tests import: it synthesizes, queries and evaluates the pack, and the names
// that moved to `@groundwork/infra/check` in 0.2.0 still resolve to the very same objects.
import { strict as assert } from "assert";
import * as s3 from "@pulumi/aws/s3";
import * as check from "../../check";
import * as testing from "../../testing";

describe("@groundwork/infra/testing: the entry for users' tests", function () {
  this.timeout(60_000);

  it("synthesizes a program and runs the Groundwork pack over it", async () => {
    const graph = await testing.synth(() => void new s3.Bucket("loose", {}), { project: "demo" });
    const bucket = new testing.GraphQuery(graph).one("aws:s3/bucket:Bucket", "loose");
    assert.equal(testing.isUnknown(bucket.id), true);
    const report = await testing.evaluatePolicies(graph);
    assert.equal(report.policies[0]?.pack, "groundwork-security");
    assert.ok(
      report.violations.some((v) => v.urn === bucket.urn && v.enforcementLevel === "mandatory"),
      JSON.stringify(report.violations.map((v) => v.policy)),
    );
  });

  it("keeps the gate's names that moved to check/ as the same objects", () => {
    const moved = [
      "runPolicyPack",
      "AnalyzerError",
      "ProjectError",
      "UnknownStackError",
      "loadProject",
      "listStacks",
      "loadStackConfig",
      "loadPolicyConfigFile",
      "parsePolicyPackConfig",
      "reconcilePolicyConfig",
      "toTable",
      "toJson",
      "toSarif",
      "toJunit",
      "redact",
      "REPORT_FORMATS",
    ] as const;
    for (const name of moved) {
      assert.ok(testing[name] !== undefined, name);
      assert.equal(testing[name], check[name], name);
    }
  });
});
