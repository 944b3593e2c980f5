// azure.StorageAccount: every secure value set explicitly (the SDK's client-side network default is
// "Allow"), the key reached through a user-assigned identity granted before the account exists, soft
// delete and versioning, diagnostics, grants as role assignments, and the weakenings recorded.
import * as assert from "assert";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { EncryptionKey, Network, StorageAccount } from "../../components/azure";
import { defaultAccountName } from "../../components/azure/storage-account/args";
import { T, assertTagged, inputs, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
const COMPONENT = "groundwork:azure:StorageAccount";

describe("azure StorageAccount", () => {
  it("HTTPS and TLS 1.2 only, no public blobs, no shared keys, no public network, deny by default", async () => {
    const { q } = await run(() => new StorageAccount("data", LOC));
    const a = inputs(q, T.account, "data-account");
    assert.strictEqual(a.enableHttpsTrafficOnly, true);
    assert.strictEqual(a.minimumTlsVersion, "TLS1_2");
    assert.strictEqual(a.allowBlobPublicAccess, false);
    assert.strictEqual(a.allowSharedKeyAccess, false);
    assert.strictEqual(a.defaultToOAuthAuthentication, true);
    assert.strictEqual(a.allowCrossTenantReplication, false);
    assert.strictEqual(a.publicNetworkAccess, "Disabled");
    assert.deepStrictEqual(a.networkRuleSet, {
      defaultAction: "Deny",
      bypass: "AzureServices",
      ipRules: [],
      virtualNetworkRules: [],
    });
    assert.deepStrictEqual(a.sku, { name: "Standard_LRS" });
    assert.match(String(a.accountName), /^data[0-9a-f]{8}$/);
    // Global names: another subscription deploying the same project, stack and name gets another account;
    // the same one gets the same account on every run.
    const [one, other] = ["00000000-0000-4000-8000-0000000000fe", "00000000-0000-4000-8000-0000000000ff"];
    assert.notStrictEqual(defaultAccountName("data", one), defaultAccountName("data", other));
    assert.strictEqual(defaultAccountName("data", one), defaultAccountName("data", one));
    assert.deepStrictEqual(q.one(COMPONENT, "data").outputs.weakened, []);
    assertTagged(q, urnOf(q, COMPONENT, "data"), "dev");
  });

  it("infrastructure encryption and the key through a user-assigned identity granted first", async () => {
    const { q } = await run(() => new StorageAccount("data", LOC));
    const a = q.one(T.account, "data-account");
    const identity = q.one(T.identity, "data-identity");
    const enc = inputs(q, T.account, "data-account").encryption as Record<string, unknown>;
    assert.strictEqual(enc.requireInfrastructureEncryption, true);
    assert.strictEqual(enc.keySource, "Microsoft.Keyvault");
    assert.deepStrictEqual(enc.keyVaultProperties, {
      keyName: "data-key-key-physical",
      keyVaultUri: "https://data-key-kv.vault.azure.net/",
    });
    assert.deepStrictEqual(enc.encryptionIdentity, { encryptionUserAssignedIdentity: identity.id });
    // An array of ids on a storage account (a map on other resources).
    assert.deepStrictEqual(inputs(q, T.account, "data-account").identity, {
      type: "UserAssigned",
      userAssignedIdentities: [identity.id],
    });
    const grant = q.one(T.role, "data-key-grant-data-encrypt-decrypt");
    assert.strictEqual(grant.inputs.principalId, "data-identity-principal");
    assert.strictEqual(grant.inputs.principalType, "ServicePrincipal");
    assert.ok(a.dependencies.includes(grant.urn), "the account waits for the key grant");
  });

  it("soft delete for blobs and containers, versioning, private containers, diagnostics to a workspace", async () => {
    const { q } = await run(() => new StorageAccount("data", { ...LOC, containers: ["raw", "curated"] }));
    const blob = inputs(q, T.blob, "data-blob");
    assert.deepStrictEqual(blob.deleteRetentionPolicy, { enabled: true, days: 7 });
    assert.deepStrictEqual(blob.containerDeleteRetentionPolicy, { enabled: true, days: 7 });
    assert.strictEqual(blob.isVersioningEnabled, true);
    for (const c of ["raw", "curated"])
      assert.strictEqual(inputs(q, T.container, `data-${c}`).publicAccess, "None");
    assert.strictEqual(inputs(q, T.workspace, "data-logs").retentionInDays, 30);
    const diag = inputs(q, T.diagnostics, "data-diagnostics");
    assert.strictEqual(diag.workspaceId, q.one(T.workspace, "data-logs").id);
    assert.strictEqual(diag.resourceUri, `${q.one(T.account, "data-account").id}/blobServices/default`);
    assert.deepStrictEqual(diag.logs, [{ categoryGroup: "allLogs", enabled: true }]);
  });

  it("network: a blob private endpoint in the private tier, both accounts registered in one shared zone", async () => {
    const { q } = await run(() => {
      const network = new Network("core", LOC);
      new StorageAccount("data", { ...LOC, network });
      new StorageAccount("logs2", { ...LOC, network });
    });
    const zones = q
      .ofType(T.dnsZone)
      .filter((z) => z.inputs.privateZoneName === "privatelink.blob.core.windows.net");
    assert.strictEqual(zones.length, 1, "one Private Link zone per network, however many accounts");
    const link = q.one("azure-native:privatedns:VirtualNetworkLink", "core-blob-zone-link");
    assert.deepStrictEqual(link.inputs.virtualNetwork, { id: q.one(T.vnet, "core-vnet").id });
    for (const name of ["data", "logs2"]) {
      const pe = q.one("azure-native:network:PrivateEndpoint", `${name}-blob-pe`);
      assert.strictEqual((pe.inputs.subnet as { id: string }).id, q.one(T.subnet, "core-private").id);
      assert.deepStrictEqual(pe.inputs.privateLinkServiceConnections, [
        { name: "blob", privateLinkServiceId: q.one(T.account, `${name}-account`).id, groupIds: ["blob"] },
      ]);
      const group = q.one("azure-native:network:PrivateDnsZoneGroup", `${name}-blob-dns`);
      assert.deepStrictEqual(group.inputs.privateDnsZoneConfigs, [
        { name: "blob", privateDnsZoneId: zones[0].id },
      ]);
    }
  });

  it("no network: no private endpoint (the caller adds their own)", async () => {
    const { q } = await run(() => new StorageAccount("data", LOC));
    assert.deepStrictEqual(q.ofType("azure-native:network:PrivateEndpoint"), []);
  });

  it("prod: geo-zone-redundant, 30-day soft delete, 365-day logs, stateful children protected", async () => {
    const { q } = await run(
      () => new StorageAccount("data", { ...LOC, environment: "prod", containers: ["raw"] }),
    );
    assert.deepStrictEqual(inputs(q, T.account, "data-account").sku, { name: "Standard_GZRS" });
    assert.deepStrictEqual(inputs(q, T.blob, "data-blob").deleteRetentionPolicy, { enabled: true, days: 30 });
    assert.strictEqual(inputs(q, T.workspace, "data-logs").retentionInDays, 365);
    const root = urnOf(q, COMPONENT, "data");
    assert.deepStrictEqual(protectedNames(q, root), [
      "data-account",
      "data-identity",
      "data-key-key",
      "data-key-kv",
      "data-logs",
      "data-raw",
    ]);
  });

  it("public network access, shared keys and short soft delete are recorded weakenings", async () => {
    const { q } = await run(
      () =>
        new StorageAccount("data", {
          ...LOC,
          publicNetworkAccess: true,
          allowedIpRanges: ["203.0.113.0/24"],
          sharedKeyAccess: true,
          softDeleteDays: 3,
        }),
    );
    const a = inputs(q, T.account, "data-account");
    assert.strictEqual(a.publicNetworkAccess, "Enabled");
    assert.strictEqual((a.networkRuleSet as { defaultAction: string }).defaultAction, "Deny");
    assert.deepStrictEqual((a.networkRuleSet as { ipRules: unknown }).ipRules, [
      { iPAddressOrRange: "203.0.113.0/24", action: "Allow" },
    ]);
    assert.strictEqual(a.allowSharedKeyAccess, true);
    const weakened = ["publicNetworkAccess", "sharedKeyAccess", "softDeleteDays"];
    assert.deepStrictEqual(q.one(COMPONENT, "data").outputs.weakened, weakened);
    assert.strictEqual((a.tags as Record<string, string>)["groundwork-weakened"], weakened.join(" "));
  });

  it("a given key and workspace: no key, no workspace created; the given key grants the identity", async () => {
    const ws =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central";
    const { q } = await run(() => {
      const key = new EncryptionKey("shared", { ...LOC, logWorkspaceId: ws });
      new StorageAccount("data", { ...LOC, encryptionKey: key, logWorkspaceId: ws });
    });
    assert.deepStrictEqual(
      q.ofType(T.vault).map((r) => r.name),
      ["shared-kv"],
    );
    assert.deepStrictEqual(q.ofType(T.workspace), []);
    assert.strictEqual(inputs(q, T.diagnostics, "data-diagnostics").workspaceId, ws);
    assert.ok(q.one(T.role, "shared-grant-data-encrypt-decrypt"));
  });

  it("grants blob read and read-write roles on the account", async () => {
    const { q } = await run(() => {
      const s = new StorageAccount("data", LOC);
      const app = new UserAssignedIdentity("app", { resourceGroupName: "rg" });
      s.grantRead(app);
      s.grantReadWrite(app);
    });
    const read = inputs(q, T.role, "data-grant-app-read");
    assert.match(String(read.roleDefinitionId), /\/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1$/);
    assert.strictEqual(read.scope, q.one(T.account, "data-account").id);
    assert.strictEqual(read.principalType, "ServicePrincipal");
    const rw = inputs(q, T.role, "data-grant-app-read-write");
    assert.match(String(rw.roleDefinitionId), /\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
  });

  rejectsInputs("azure.StorageAccount", [
    [
      () => new StorageAccount("data", { ...LOC, allowedIpRanges: ["203.0.113.0/24"] }),
      "allowedIpRanges",
      '["203.0.113.0/24"]',
      /publicNetworkAccess: true/,
    ],
    [
      () => new StorageAccount("data", { ...LOC, publicNetworkAccess: true, allowedIpRanges: ["0.0.0.0/0"] }),
      "allowedIpRanges[0]",
      '"0.0.0.0/0"',
      /never 0.0.0.0\/0/,
    ],
    [
      () => new StorageAccount("data", { ...LOC, accountName: "Data_1" }),
      "accountName",
      '"Data_1"',
      /lowercase letters and digits/,
    ],
    [
      () => new StorageAccount("data", { ...LOC, containers: ["Raw"] }),
      "containers[0]",
      '"Raw"',
      /lowercase letters/,
    ],
    [
      () => new StorageAccount("data", { ...LOC, logRetentionDays: 7 }),
      "logRetentionDays",
      "7",
      "from 30 to 730 days",
    ],
    [
      () => new StorageAccount("data", { ...LOC, encryptionKey: "https://kv/keys/k" as never }),
      "encryptionKey",
      '"https://kv/keys/k"',
      /EncryptionKey/,
    ],
    [() => new StorageAccount("9uploads", LOC), "name", '"9uploads"', /would make the key vault name/],
  ]);
});
