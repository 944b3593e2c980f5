// Invokes through the real provider SDK functions: answers follow the stack's region, or the region of
// the explicit provider the invoke goes through.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { getAvailabilityZones, getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import { getCallerIdentity } from "@pulumi/aws/getCallerIdentity";
import { Provider } from "@pulumi/aws/provider";
import { FAKE_AWS_ACCOUNT, GraphQuery, SynthError, UNKNOWN, synth } from "../../engine";

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

  it("an invoke with no answer fails with a message saying how to give one", async () => {
    await assert.rejects(
      synth(async () => {
        await pulumi.runtime.invoke("aws:index/getUnheardOf:getUnheardOf", {});
      }),
      (err: unknown) =>
        err instanceof SynthError &&
        /no answer for the invoke aws:index\/getUnheardOf:getUnheardOf; pass one in synth options\.invokes/.test(
          err.message,
        ) &&
        /invokes\.spec\.(js|ts):\d+:\d+$/.test(err.location ?? ""),
    );
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
});
