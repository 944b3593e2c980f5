// Invokes through the real provider SDK functions: answers follow the stack's region, or the region of
// the explicit provider the invoke goes through.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { getAvailabilityZones, getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { getCallerIdentity } from "@pulumi/aws/getCallerIdentity";
import { Provider } from "@pulumi/aws/provider";
import { FAKE_AWS_ACCOUNT, GraphQuery, UNKNOWN, synth } from "../../engine";
import { getPartition } from "@pulumi/aws/getPartition";
import { getAmi, getAmiOutput } from "@pulumi/aws/ec2/getAmi";

const AZ_TOKEN = "aws:index/getAvailabilityZones:getAvailabilityZones";

describe("engine/invokes", () => {
  it("getAvailabilityZones answers with the zones of the configured aws:region", async () => {
    const g = await synth(
      async () => ({ names: (await getAvailabilityZones({ state: "available" })).names }),
      {
        config: { "aws:region": "eu-central-1" },
      },
    );
    const names = g.outputs.names as string[];
    assert.ok(names.length >= 3);
    for (const n of names) assert.match(n, /^eu-central-1[a-z]$/);
    assert.deepEqual(g.invokes, [{ token: AZ_TOKEN, args: { state: "available" }, provider: undefined }]);
  });

  it("through an explicit aws.Provider, the provider's region wins over the stack's, in preview and update", async () => {
    for (const preview of [true, false]) {
      const g = await synth(
        async () => {
          const west = new Provider("west", { region: "us-west-2" });
          const viaProvider = await getAvailabilityZones({}, { provider: west });
          const viaOutput = getAvailabilityZonesOutput({}, { provider: west }).names;
          const viaStack = await getAvailabilityZones({});
          return { viaProvider: viaProvider.names, viaOutput, viaStack: viaStack.names };
        },
        { config: { "aws:region": "eu-west-1" }, preview },
      );
      for (const n of g.outputs.viaProvider as string[]) assert.match(n, /^us-west-2[a-z]$/);
      assert.deepEqual(g.outputs.viaOutput, g.outputs.viaProvider);
      for (const n of g.outputs.viaStack as string[]) assert.match(n, /^eu-west-1[a-z]$/);

      const provider = new GraphQuery(g).one("pulumi:providers:aws", "west");
      assert.equal(provider.inputs.region, "us-west-2");
      const ref = `${provider.urn}::${provider.id}`;
      // Output-form invokes are asynchronous, so compare without order.
      assert.deepEqual(g.invokes.map((i) => String(i.provider)).sort(), [ref, ref, "undefined"].sort());
      assert.equal(provider.id === UNKNOWN, preview);
    }
  });

  it("getCallerIdentity answers with the offline account", async () => {
    const g = await synth(async () => ({ account: (await getCallerIdentity({})).accountId }));
    assert.equal(g.outputs.account, FAKE_AWS_ACCOUNT);
  });

  it("options.invokes adds or replaces answers, and sees the args and config", async () => {
    const g = await synth(
      async () => ({
        zones: (await getAvailabilityZones({})).names,
        custom: await pulumi.runtime.invoke("acme:index:getThing", { n: 2 }),
      }),
      {
        config: { "aws:region": "eu-west-3" },
        invokes: {
          [AZ_TOKEN]: (ctx) => ({ names: [`${String(ctx.config["aws:region"])}-only`] }),
          "acme:index:getThing": (ctx) => ({ doubled: (ctx.args.n as number) * 2 }),
        },
      },
    );
    assert.deepEqual(g.outputs.zones, ["eu-west-3-only"]);
    assert.deepEqual(g.outputs.custom, { doubled: 4 });
  });

  // The real counts: `aws ec2 describe-availability-zones` in a new account of each region.
  const REAL_ZONE_COUNTS: Record<string, number> = {
    "us-east-1": 6,
    "us-east-2": 3,
    "us-west-1": 2,
    "us-west-2": 4,
    "eu-west-1": 3,
    "eu-west-2": 3,
    "eu-west-3": 3,
    "eu-central-1": 3,
    "eu-north-1": 3,
    "ap-southeast-1": 3,
    "ap-southeast-2": 3,
    "ap-northeast-1": 3,
    "ap-south-1": 3,
    "ca-central-1": 3,
    "sa-east-1": 3,
    "me-central-1": 3, // not in the table: three, the count most regions launch with
  };

  it("getAvailabilityZones gives each region its real zone count, names and ids", async () => {
    const regions = Object.keys(REAL_ZONE_COUNTS);
    const zones: { names: string[]; ids: string[] }[] = [];
    for (const region of regions) {
      const g = await synth(
        async () => {
          const z = await getAvailabilityZones({ state: "available" });
          return { names: z.names, ids: z.zoneIds };
        },
        { config: { "aws:region": region } },
      );
      zones.push(g.outputs as { names: string[]; ids: string[] });
    }
    regions.forEach((region, i) => {
      assert.equal(zones[i].names.length, REAL_ZONE_COUNTS[region], region);
      assert.equal(zones[i].ids.length, REAL_ZONE_COUNTS[region], region);
    });
    const at = (region: string): { names: string[]; ids: string[] } => zones[regions.indexOf(region)];
    assert.deepEqual(at("us-east-1").ids, [
      "use1-az1",
      "use1-az2",
      "use1-az3",
      "use1-az4",
      "use1-az5",
      "use1-az6",
    ]);
    assert.deepEqual(at("ap-northeast-1").names, ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    assert.deepEqual(at("ap-northeast-1").ids, ["apne1-az4", "apne1-az1", "apne1-az2"]);
    assert.deepEqual(at("ca-central-1").names, ["ca-central-1a", "ca-central-1b", "ca-central-1d"]);
    assert.deepEqual(at("us-west-1").ids, ["usw1-az1", "usw1-az3"]);
    assert.deepEqual(at("me-central-1").ids, ["mec1-az1", "mec1-az2", "mec1-az3"]);
  });

  it("getAvailabilityZones applies excludeNames and excludeZoneIds, as AWS does", async () => {
    const g = await synth(async () => ({
      names: (await getAvailabilityZones({ excludeNames: ["us-east-1e"], excludeZoneIds: ["use1-az1"] }))
        .names,
    }));
    assert.deepEqual(g.outputs.names, ["us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"]);
  });

  it("partition and caller identity follow the region: aws, aws-cn, aws-us-gov", async () => {
    for (const [region, partition] of [
      ["eu-west-1", "aws"],
      ["cn-north-1", "aws-cn"],
      ["us-gov-west-1", "aws-us-gov"],
    ]) {
      const g = await synth(
        async () => ({
          partition: (await getPartition({})).partition,
          arn: (await getCallerIdentity({})).arn,
        }),
        { config: { "aws:region": region } },
      );
      assert.equal(g.outputs.partition, partition);
      assert.match(String(g.outputs.arn), new RegExp(`^arn:${partition}:sts::${FAKE_AWS_ACCOUNT}:`));
    }
  });

  it("getAmi gives a stable fake id per query: ami- and 17 hex digits, the same in preview and update", async () => {
    const query = {
      mostRecent: true,
      owners: ["amazon"],
      filters: [{ name: "name", values: ["al2023-ami-*"] }],
    };
    const ids = async (preview: boolean): Promise<Record<string, unknown>> =>
      (
        await synth(
          async () => ({
            a: (await getAmi(query)).id,
            again: (await getAmi({ ...query })).id,
            viaOutput: getAmiOutput(query).id,
            other: (await getAmi({ ...query, owners: ["099720109477"] })).id,
          }),
          { preview },
        )
      ).outputs;
    const first = await ids(true);
    assert.match(String(first.a), /^ami-[0-9a-f]{17}$/);
    assert.equal(first.again, first.a);
    assert.equal(first.viaOutput, first.a);
    assert.notEqual(first.other, first.a);
    assert.deepEqual(await ids(false), first);
  });

  it("kubernetes:yaml:decode parses every document offline, skipping empty ones", async () => {
    const text = "a: 1\n---\n# only a comment\n---\nkind: List\nitems: [x]\n---\n";
    const g = await synth(async () => pulumi.runtime.invoke("kubernetes:yaml:decode", { text }));
    assert.deepEqual(g.outputs.result, [{ a: 1 }, { kind: "List", items: ["x"] }]);
    assert.deepEqual(g.incomplete, []);
  });
});
