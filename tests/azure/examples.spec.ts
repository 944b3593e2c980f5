// Every examples/azure-* program compiles (it is part of the build) and synthesizes; each result is
// checked for what the example is meant to show.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { GraphQuery, reveal, synth } from "../../testing";
import { T } from "./helpers";

const EXAMPLES = path.join(__dirname, "../../examples");

async function example(name: string): Promise<GraphQuery> {
  return new GraphQuery(await synth(path.join(EXAMPLES, name), { preview: false }));
}

describe("azure examples", () => {
  it("every finished azure component has a -simple and a -complete example", () => {
    const dirs = fs
      .readdirSync(path.join(__dirname, "../../../examples"))
      .filter((d) => d.startsWith("azure-"));
    for (const c of [
      "encryption-key",
      "storage-account",
      "network",
      "postgres-database",
      "container-service",
    ]) {
      assert.ok(dirs.includes(`azure-${c}-simple`) && dirs.includes(`azure-${c}-complete`), c);
    }
  });

  it("azure-encryption-key-simple and -complete", async () => {
    const simple = await example("azure-encryption-key-simple");
    assert.strictEqual(simple.one(T.group, "data-rg").inputs.location, "westeurope");
    assert.strictEqual(simple.one(T.key, "data-key").protect, false);
    const complete = await example("azure-encryption-key-complete");
    assert.deepStrictEqual(
      complete.ofType(T.group).map((r) => r.name),
      ["platform"],
    );
    assert.strictEqual(complete.one(T.key, "data-key").protect, true);
    const roles = complete
      .ofType(T.role)
      .map((r) => r.name)
      .sort();
    assert.deepStrictEqual(roles, ["data-grant-backup-encrypt-decrypt", "data-grant-worker-encrypt-decrypt"]);
  });

  it("azure-storage-account-simple and -complete", async () => {
    const simple = await example("azure-storage-account-simple");
    assert.strictEqual(simple.one(T.account, "assets-account").inputs.publicNetworkAccess, "Disabled");
    assert.strictEqual(simple.one(T.container, "assets-uploads").inputs.publicAccess, "None");
    const complete = await example("azure-storage-account-complete");
    const account = complete.one(T.account, "records-account");
    assert.strictEqual(account.inputs.accountName, "contosorecords01");
    assert.strictEqual(
      reveal<Record<string, string>>(account.inputs.tags)["groundwork-weakened"],
      "publicNetworkAccess sharedKeyAccess",
    );
    assert.deepStrictEqual(complete.ofType(T.workspace), []);
    assert.ok(complete.one(T.role, "records-grant-reporting-read"));
    assert.ok(complete.one(T.role, "records-grant-records-encrypt-decrypt"));
  });

  it("azure-network-simple and -complete", async () => {
    const simple = await example("azure-network-simple");
    assert.deepStrictEqual(
      simple.ofType(T.subnet).map((s) => s.inputs.subnetName),
      ["private", "apps", "data"],
    );
    const complete = await example("azure-network-complete");
    assert.deepStrictEqual(
      complete.ofType(T.subnet).map((s) => [s.inputs.subnetName, s.inputs.addressPrefix]),
      [
        ["apps", "10.20.2.0/23"],
        ["data", "10.20.4.0/23"],
      ],
    );
    assert.deepStrictEqual(complete.ofType(T.workspace), []);
    // Flow logs to the given account; no traffic analytics without a workspace of the network's own.
    const flowLog = complete.one("azure-native:network:FlowLog", "core-flow-log");
    assert.match(String(flowLog.inputs.storageId), /storageAccounts\/centralflowlogs$/);
    assert.strictEqual(flowLog.inputs.flowAnalyticsConfiguration, undefined);
    assert.deepStrictEqual(flowLog.inputs.retentionPolicy, { enabled: true, days: 365 });
    assert.strictEqual(complete.one(T.vnet, "core-vnet").protect, false);
    // The apps tier egresses through the NAT gateway; the data tier has no outbound path.
    const gateway = complete.one(T.natGateway, "core-nat");
    const natOf = (tier: string) => complete.one(T.subnet, `core-${tier}`).inputs.natGateway;
    assert.deepStrictEqual([natOf("apps"), natOf("data")], [{ id: gateway.id }, undefined]);
  });

  it("azure-postgres-database-simple and -complete", async () => {
    const simple = await example("azure-postgres-database-simple");
    const server = simple.one(T.postgres, "orders-server");
    assert.strictEqual((server.inputs.network as Record<string, unknown>).publicNetworkAccess, "Disabled");
    assert.strictEqual(simple.one(T.postgresAdmin, "orders-admin-db-admins").inputs.principalType, "Group");
    const complete = await example("azure-postgres-database-complete");
    const ledger = complete.one(T.postgres, "ledger-server");
    assert.deepStrictEqual(ledger.inputs.sku, { name: "Standard_E4ds_v5", tier: "MemoryOptimized" });
    assert.strictEqual((ledger.inputs.backup as Record<string, unknown>).geoRedundantBackup, "Enabled");
    assert.strictEqual(
      reveal<Record<string, string>>(ledger.inputs.tags)["groundwork-weakened"],
      "passwordAuth",
    );
    assert.strictEqual(complete.one(T.lock, "ledger-lock").inputs.level, "CanNotDelete");
    assert.deepStrictEqual(
      complete
        .ofType(T.vault)
        .map((r) => r.name)
        .sort(),
      ["data-geo-kv", "data-kv"],
    );
  });

  it("azure-container-service-simple and -complete", async () => {
    const simple = await example("azure-container-service-simple");
    const ingress = (simple.one(T.containerApp, "api-app").inputs.configuration as { ingress: object })
      .ingress;
    assert.deepStrictEqual(ingress, {
      external: false,
      allowInsecure: false,
      targetPort: 8080,
      transport: "auto",
    });
    const complete = await example("azure-container-service-complete");
    const app = complete.one(T.containerApp, "api-app").inputs;
    assert.deepStrictEqual((app.template as { scale: object }).scale, { minReplicas: 3, maxReplicas: 20 });
    assert.deepStrictEqual(
      complete.ofType(T.workspace).map((w) => w.name),
      ["core-logs"],
    );
    const grant = complete.one(T.role, "uploads-grant-api-read-write");
    assert.strictEqual(
      grant.inputs.principalId,
      complete.one(T.identity, "api-identity").outputs.principalId,
    );
  });
});
