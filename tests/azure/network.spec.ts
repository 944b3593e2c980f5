// azure.Network: one subnet per tier, each bound to its own NSG that denies the internet inbound and opens
// no admin port, default outbound access off, the Container Apps and PostgreSQL tiers delegated, NSG
// diagnostics to a workspace, and bad input refused before anything registers.
import * as assert from "assert";
import { Network } from "../../components/azure";
import { exposedByRule } from "../../policy/rules/azure/network";
import { T, assertTagged, inputs, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:Network";

describe("azure Network", () => {
  it("a subnet per tier, an eighth of the space each, delegated where a service needs it", async () => {
    const { q } = await run(() => new Network("core", LOC));
    assert.deepStrictEqual(inputs(q, T.vnet, "core-vnet").addressSpace, { addressPrefixes: ["10.0.0.0/16"] });
    const subnets = q.ofType(T.subnet).map((s) => [s.name, s.inputs.subnetName, s.inputs.addressPrefix]);
    assert.deepStrictEqual(subnets, [
      ["core-private", "private", "10.0.0.0/19"],
      ["core-apps", "apps", "10.0.32.0/19"],
      ["core-data", "data", "10.0.64.0/19"],
    ]);
    const delegation = (tier: string) =>
      (inputs(q, T.subnet, `core-${tier}`).delegations as { serviceName: string }[]).map(
        (d) => d.serviceName,
      );
    assert.deepStrictEqual(delegation("private"), []);
    assert.deepStrictEqual(delegation("apps"), ["Microsoft.App/environments"]);
    assert.deepStrictEqual(delegation("data"), ["Microsoft.DBforPostgreSQL/flexibleServers"]);
    // Azure changes one subnet at a time: the second and third wait for the one before.
    assert.ok(q.one(T.subnet, "core-apps").dependencies.includes(q.one(T.subnet, "core-private").urn));
    assert.ok(q.one(T.subnet, "core-data").dependencies.includes(q.one(T.subnet, "core-apps").urn));
    assert.deepStrictEqual(q.one(COMPONENT, "core").outputs.weakened, []);
    assertTagged(q, urnOf(q, COMPONENT, "core"), "dev");
  });

  it("every subnet: its own NSG, default outbound access off", async () => {
    const { q } = await run(() => new Network("core", LOC));
    for (const tier of ["private", "apps", "data"]) {
      const subnet = inputs(q, T.subnet, `core-${tier}`);
      assert.strictEqual(subnet.defaultOutboundAccess, false, tier);
      assert.deepStrictEqual(subnet.networkSecurityGroup, { id: q.one(T.nsg, `core-${tier}-nsg`).id }, tier);
    }
  });

  it("every NSG denies the internet inbound and allows no admin or database port from it", async () => {
    const { q } = await run(() => new Network("core", LOC));
    for (const nsg of q.ofType(T.nsg)) {
      const rules = nsg.inputs.securityRules as Record<string, unknown>[];
      const deny = rules.find((r) => r.sourceAddressPrefix === "Internet" && r.direction === "Inbound");
      assert.ok(deny, `${nsg.name} has an internet rule`);
      assert.strictEqual(deny.access, "Deny");
      assert.strictEqual(deny.destinationPortRange, "*");
      assert.deepStrictEqual(
        rules.flatMap((r) => exposedByRule(r as never)),
        [],
        nsg.name,
      );
    }
  });

  it("NSG diagnostics to a workspace with the profile's retention; a given workspace is used as is", async () => {
    const { q } = await run(() => new Network("core", { ...LOC, environment: "prod" }));
    assert.strictEqual(inputs(q, T.workspace, "core-logs").retentionInDays, 365);
    for (const tier of ["private", "apps", "data"]) {
      const d = inputs(q, T.diagnostics, `core-${tier}-nsg-diagnostics`);
      assert.strictEqual(d.resourceUri, q.one(T.nsg, `core-${tier}-nsg`).id);
      assert.strictEqual(d.workspaceId, q.one(T.workspace, "core-logs").id);
    }
    assert.deepStrictEqual(protectedNames(q, urnOf(q, COMPONENT, "core")), ["core-logs"]);
    const ws =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central";
    const given = await run(() => new Network("core", { ...LOC, logWorkspaceId: ws, tiers: ["data"] }));
    assert.deepStrictEqual(given.q.ofType(T.workspace), []);
    assert.strictEqual(inputs(given.q, T.diagnostics, "core-data-nsg-diagnostics").workspaceId, ws);
    // Dropping tiers moves no other subnet.
    assert.strictEqual(inputs(given.q, T.subnet, "core-data").addressPrefix, "10.0.64.0/19");
  });

  it("short log retention is a recorded weakening; a /20 gives /23 subnets", async () => {
    const { q } = await run(
      () =>
        new Network("core", {
          ...LOC,
          environment: "prod",
          logRetentionDays: 30,
          addressSpace: "10.8.0.0/20",
        }),
    );
    assert.deepStrictEqual(q.one(COMPONENT, "core").outputs.weakened, ["logRetentionDays"]);
    assert.strictEqual(inputs(q, T.subnet, "core-apps").addressPrefix, "10.8.2.0/23");
  });

  it("subnetId names a missing tier", async () => {
    const { q } = await run(() => {
      const n = new Network("core", { ...LOC, tiers: ["private"] });
      assert.throws(() => n.subnetId("data"), /tier.*"data".*private/s);
      return { id: n.subnetId("private") };
    });
    assert.deepStrictEqual(
      q.ofType(T.subnet).map((s) => s.name),
      ["core-private"],
    );
  });

  rejectsInputs("azure.Network", [
    [
      () => new Network("core", { ...LOC, addressSpace: "10.0.0.0/24" }),
      "addressSpace",
      '"10.0.0.0/24"',
      /between 8 and 20/,
    ],
    [() => new Network("core", { ...LOC, tiers: ["public" as never] }), "tiers[0]", '"public"', /private/],
    [() => new Network("core", { ...LOC, tiers: ["data", "data"] }), "tiers", '["data","data"]', /distinct/],
    [() => new Network("core", { ...LOC, subnets: [] } as never), "subnets", "[]", /tiers/],
    [() => new Network("core", {}), "location", "undefined", /region/],
  ]);
});
