// azure.Network: one subnet per tier, each bound to its own NSG that denies the internet inbound and opens
// no admin port, default outbound access off, the Container Apps and PostgreSQL tiers delegated, NSG
// diagnostics to a workspace, a NAT gateway as the workload tiers' egress, and bad input refused before
// anything registers.
import * as assert from "assert";
import { Network } from "../../components/azure";
import { resolveNetworkArgs } from "../../components/azure/network/args";
import { Environment, GroundworkInputError, Validator } from "../../components/core";
import { exposedByRule } from "../../policy/rules/azure/network";
import { T, assertTagged, inputs, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:Network";

/** Resolves Network arguments the way the component does, without a synth. */
const resolve = (args: Parameters<typeof resolveNetworkArgs>[1]) =>
  resolveNetworkArgs(new Validator("azure.Network", "core"), args);

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

  it("every subnet: its own NSG, default outbound access off; the workload tiers egress through NAT", async () => {
    const { q } = await run(() => new Network("core", LOC));
    for (const tier of ["private", "apps", "data"]) {
      const subnet = inputs(q, T.subnet, `core-${tier}`);
      assert.strictEqual(subnet.defaultOutboundAccess, false, tier);
      assert.deepStrictEqual(subnet.networkSecurityGroup, { id: q.one(T.nsg, `core-${tier}-nsg`).id }, tier);
    }
    const gateway = q.one(T.natGateway, "core-nat");
    const ip = q.one(T.publicIp, "core-nat-ip");
    assert.deepStrictEqual(inputs(q, T.subnet, "core-private").natGateway, { id: gateway.id });
    assert.deepStrictEqual(inputs(q, T.subnet, "core-apps").natGateway, { id: gateway.id });
    // The database tier keeps no outbound path.
    assert.strictEqual(inputs(q, T.subnet, "core-data").natGateway, undefined);
    assert.deepStrictEqual(
      [gateway.inputs.sku, gateway.inputs.idleTimeoutInMinutes, gateway.inputs.publicIpAddresses],
      [{ name: "Standard" }, 4, [{ id: ip.id }]],
    );
    assert.strictEqual(gateway.inputs.zones, undefined);
    assert.deepStrictEqual(
      [ip.inputs.sku, ip.inputs.publicIPAllocationMethod, ip.inputs.publicIPAddressVersion, ip.inputs.zones],
      [{ name: "Standard", tier: "Regional" }, "Static", "IPv4", undefined],
    );
    assert.strictEqual(q.one(COMPONENT, "core").outputs.natPublicIp, "203.0.113.7");
  });

  it("NAT by profile: a zone-redundant IP where the profile asks for high availability", () => {
    const zones = (environment: Environment) => resolve({ ...LOC, environment }).nat?.publicIpZones;
    assert.deepStrictEqual(zones("dev"), []);
    assert.deepStrictEqual(zones("staging"), ["1", "2", "3"]);
    assert.deepStrictEqual(zones("prod"), ["1", "2", "3"]);
    assert.strictEqual(resolve({ ...LOC, environment: "prod" }).nat?.idleTimeoutInMinutes, 4);
    const tiersWithNat = (args: Parameters<typeof resolve>[0]) =>
      resolve(args)
        .subnets.filter((s) => s.nat)
        .map((s) => s.tier);
    assert.deepStrictEqual(tiersWithNat(LOC), ["private", "apps"]);
    // nat: false is stricter, so no weakening; a data-only network needs no gateway at all.
    const off = resolve({ ...LOC, environment: "prod", nat: false });
    assert.deepStrictEqual(
      [off.nat, off.weakened, tiersWithNat({ ...LOC, nat: false })],
      [undefined, [], []],
    );
    assert.strictEqual(resolve({ ...LOC, tiers: ["data"] }).nat, undefined);
    assert.throws(
      () => resolve({ ...LOC, nat: "yes" as never }),
      (e: unknown) => e instanceof GroundworkInputError && e.field === "nat",
    );
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
    // The egress address is protected too: allow-lists downstream name it.
    assert.deepStrictEqual(protectedNames(q, urnOf(q, COMPONENT, "core")).sort(), [
      "core-logs",
      "core-nat-ip",
    ]);
    assert.deepStrictEqual(inputs(q, T.publicIp, "core-nat-ip").zones, ["1", "2", "3"]);
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

  it("subnetId names a missing tier; nat: false leaves no gateway, IP or association", async () => {
    const { q } = await run(() => {
      const n = new Network("core", { ...LOC, tiers: ["private"], nat: false });
      assert.throws(() => n.subnetId("data"), /tier.*"data".*private/s);
      assert.strictEqual(n.natPublicIp, undefined);
      return { id: n.subnetId("private") };
    });
    assert.deepStrictEqual(
      q.ofType(T.subnet).map((s) => s.name),
      ["core-private"],
    );
    assert.deepStrictEqual([...q.ofType(T.natGateway), ...q.ofType(T.publicIp)], []);
    assert.strictEqual(inputs(q, T.subnet, "core-private").natGateway, undefined);
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
    [() => new Network("-core", LOC), "name", '"-core"', /2-64 letters/, "name: the virtual network's"],
    [() => new Network("core.", LOC), "name", '"core."', /4-63 letters/, "name: the log workspace's"],
  ]);
});
