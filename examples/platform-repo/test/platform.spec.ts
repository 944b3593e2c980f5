// The platform's tests: synthesize the program offline (no Pulumi CLI, cloud or state), assert on the
// resources, and run Groundwork's security pack and our own rules over them in-process.
import { strict as assert } from "assert";
import * as path from "path";
import { Bucket } from "@groundwork/infra/aws";
import { GraphQuery, ResourceGraph, evaluatePolicies, synth } from "@groundwork/infra/testing";
import { PACK_NAME, policies } from "../policy/rules";

// The compiled program (npm test compiles to bin/ first).
const PROGRAM = path.join(__dirname, "..", "index.js");
const OUR_PACK = { name: PACK_NAME, policies };

/** The stack config, as Pulumi.<stack>.yaml gives it. */
const configFor = (environment: string): Record<string, unknown> => ({
  "aws:region": "eu-west-1",
  environment,
  costCentre: "CC-1042",
  cidrBlock: "10.40.0.0/16",
  image: "ghcr.io/acme/orders-api:3.2.1",
  certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/4f1c2d3e-0000-4a5b-8c9d-000000000001",
});

const mandatory = async (graph: ResourceGraph, pack?: typeof OUR_PACK): Promise<string[]> =>
  (await evaluatePolicies(graph, pack ? { pack } : {})).violations
    .filter((v) => v.enforcementLevel === "mandatory")
    .map((v) => `${v.policy}: ${v.urn}: ${v.message}`);

describe("acme-platform", function () {
  let prod: ResourceGraph;
  before(async () => {
    prod = await synth(PROGRAM, { project: "acme-platform", stack: "prod", config: configFor("prod") });
  });

  it("passes Groundwork's security pack and ours", async () => {
    assert.deepEqual(await mandatory(prod), []);
    assert.deepEqual(await mandatory(prod, OUR_PACK), []);
  });

  it("keeps the orders API behind an internal load balancer", () => {
    const lbs = new GraphQuery(prod).ofType("aws:lb/loadBalancer:LoadBalancer");
    assert.equal(lbs.length, 1);
    assert.equal(lbs[0].inputs.internal, true);
  });

  it("refuses a bucket without our cost centre", async () => {
    const graph = await synth(() => {
      new Bucket("scratch", { environment: "dev", tags: { owner: "orders-team" } });
    });
    const found = await mandatory(graph, OUR_PACK);
    assert.ok(
      found.some((f) => f.startsWith("cost-centre-tag:") && f.includes("scratch")),
      found.join("\n"),
    );
  });

  it("refuses an environment Groundwork does not know", async () => {
    await assert.rejects(
      synth(PROGRAM, { project: "acme-platform", stack: "qa", config: configFor("qa") }),
      /acme-platform:environment "qa" is not one of dev, staging, prod/,
    );
  });
});
