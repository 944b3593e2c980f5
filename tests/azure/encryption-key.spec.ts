// azure.EncryptionKey: the vault's secure values are all set explicitly (the SDK's client-side defaults
// are weak), the key rotates and expires, grants are role assignments to service principals on the key,
// and bad input fails before anything registers.
import * as assert from "assert";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { EncryptionKey, identityGrantee, principalGrantee } from "../../components/azure";
import { FAKE_AZURE_SUBSCRIPTION, FAKE_AZURE_TENANT } from "../../testing";
import { T, assertTagged, errorOf, inputs, protectedNames, rejectsInputs, run, urnOf } from "./helpers";

const LOC = { location: "westeurope" };
/** What BASELINE.md requires of every vault [CKV_AZURE_109, CKV_AZURE_110]. */
const VAULT_FLOOR: Record<string, unknown> = {
  enableRbacAuthorization: true,
  enablePurgeProtection: true,
  softDeleteRetentionInDays: 90,
  publicNetworkAccess: "Disabled",
  networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
  enabledForTemplateDeployment: false,
};
const CRYPTO_SERVICE_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

describe("azure EncryptionKey", () => {
  it("a vault governed by RBAC, purge-protected, soft-deleting 90 days, closed to public networks", async () => {
    const { q } = await run(() => new EncryptionKey("k", LOC));
    const vault = inputs(q, T.vault, "k-kv");
    const props = vault.properties as Record<string, unknown>;
    // Each value the SDK would otherwise fill in weakly on the client, and the rest of the floor.
    for (const [field, value] of Object.entries(VAULT_FLOOR))
      assert.deepStrictEqual(props[field], value, `properties.${field}`);
    assert.strictEqual(props.tenantId, FAKE_AZURE_TENANT);
    const group = inputs(q, T.group, "k-rg");
    assert.strictEqual(group.location, "westeurope");
    assert.strictEqual(vault.location, "westeurope");
    assertTagged(q, urnOf(q, "groundwork:azure:EncryptionKey", "k"), "dev");
  });

  it("an RSA key that rotates yearly and whose versions expire 30 days after rotation is due", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { q } = await run(() => new EncryptionKey("k", LOC));
    const props = inputs(q, T.key, "k-key").properties as {
      kty: string;
      keySize: number;
      attributes: { expires: number };
      rotationPolicy: { attributes: { expiryTime: string }; lifetimeActions: unknown[] };
    };
    assert.strictEqual(props.kty, "RSA");
    assert.strictEqual(props.keySize, 3072);
    assert.strictEqual(props.rotationPolicy.attributes.expiryTime, "P395D");
    assert.deepStrictEqual(props.rotationPolicy.lifetimeActions, [
      { action: { type: "rotate" }, trigger: { timeAfterCreate: "P365D" } },
      { action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } },
    ]);
    const expected = before + 395 * 86_400;
    // From the start of the day (so repeated runs agree): within a day before now + 395 days.
    assert.ok(
      props.attributes.expires <= expected && props.attributes.expires > expected - 86_400 - 120,
      `expires ${props.attributes.expires}`,
    );
    assert.strictEqual(props.attributes.expires % 86_400, 0);
    // Later runs must not move the first version's expiry, nor send what ARM never updates (ADR 0017).
    assert.deepStrictEqual(q.one(T.key, "k-key").ignoreChanges, ["properties", "tags"]);
  });

  it("the vault's audit logs and metrics go to a workspace: its own, or the one given", async () => {
    const ws =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central";
    const { q } = await run(() => {
      new EncryptionKey("own", LOC);
      new EncryptionKey("given", { ...LOC, logWorkspaceId: ws });
    });
    const own = inputs(q, T.diagnostics, "own-kv-diagnostics");
    assert.strictEqual(own.resourceUri, q.one(T.vault, "own-kv").id);
    assert.strictEqual(own.workspaceId, q.one(T.workspace, "own-logs").id);
    assert.deepStrictEqual(own.logs, [{ categoryGroup: "allLogs", enabled: true }]);
    assert.deepStrictEqual(own.metrics, [{ category: "AllMetrics", enabled: true }]);
    assert.strictEqual(inputs(q, T.diagnostics, "given-kv-diagnostics").workspaceId, ws);
    assert.deepStrictEqual(
      q.ofType(T.workspace).map((w) => w.name),
      ["own-logs"],
    );
  });

  it("refuses a location Azure does not have, naming the nearest region", () => {
    assert.throws(
      () => new EncryptionKey("k", { location: "narnia" }),
      /azure\.EncryptionKey "k": location "narnia" is not a Microsoft Azure region \(the nearest by spelling is "eastasia"; the regions are in facts\/azure\/locations\.json\)/,
    );
    assert.throws(() => new EncryptionKey("k", { location: "westeurop" }), /did you mean "westeurope"\?/);
  });

  it("rotationDays shortens rotation and expiry together", async () => {
    const { q } = await run(() => new EncryptionKey("k", { ...LOC, rotationDays: 90, keySize: 4096 }));
    const props = inputs(q, T.key, "k-key").properties as {
      keySize: number;
      rotationPolicy: { attributes: { expiryTime: string } };
    };
    assert.strictEqual(props.keySize, 4096);
    assert.strictEqual(props.rotationPolicy.attributes.expiryTime, "P120D");
  });

  it("protects vault and key in prod; protect: false there is a recorded weakening", async () => {
    const { q } = await run(() => {
      new EncryptionKey("p", { ...LOC, environment: "prod" });
      new EncryptionKey("w", { ...LOC, environment: "prod", protect: false });
    });
    assert.deepStrictEqual(protectedNames(q, urnOf(q, "groundwork:azure:EncryptionKey", "p")), [
      "p-key",
      "p-kv",
      "p-logs",
    ]);
    assert.deepStrictEqual(protectedNames(q, urnOf(q, "groundwork:azure:EncryptionKey", "w")), []);
    assert.deepStrictEqual(q.one("groundwork:azure:EncryptionKey", "w").outputs.weakened, ["protect"]);
    assert.strictEqual(
      (inputs(q, T.vault, "w-kv").tags as Record<string, string>)["groundwork-weakened"],
      "protect",
    );
    assert.deepStrictEqual(q.one("groundwork:azure:EncryptionKey", "p").outputs.weakened, []);
  });

  it("uses a given resource group and its location, creating none", async () => {
    const { q } = await run(() => {
      const rg = new ResourceGroup("shared", { location: "northeurope" });
      new EncryptionKey("k", { resourceGroup: rg });
    });
    assert.deepStrictEqual(
      q.ofType(T.group).map((r) => r.name),
      ["shared"],
    );
    assert.strictEqual(inputs(q, T.vault, "k-kv").location, "northeurope");
    assert.strictEqual(inputs(q, T.vault, "k-kv").resourceGroupName, "shared-physical");
  });

  it("grants a managed identity the crypto service role on the key, as a service principal", async () => {
    const { q } = await run(() => {
      const key = new EncryptionKey("k", LOC);
      const id = new UserAssignedIdentity("app", { resourceGroupName: "rg" });
      key.grantEncryptDecrypt(id);
      key.grantEncryptDecrypt(principalGrantee("ops", "0000-ops", "Group"));
    });
    const grant = inputs(q, T.role, "k-grant-app-encrypt-decrypt");
    assert.strictEqual(grant.principalType, "ServicePrincipal");
    assert.strictEqual(grant.principalId, "app-principal");
    assert.strictEqual(
      grant.roleDefinitionId,
      `/subscriptions/${FAKE_AZURE_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_USER}`,
    );
    assert.strictEqual(grant.scope, q.one(T.key, "k-key").id);
    assert.strictEqual(inputs(q, T.role, "k-grant-ops-encrypt-decrypt").principalType, "Group");
  });

  it("refuses the same grant twice", async () => {
    const err = await errorOf(() => {
      const key = new EncryptionKey("k", LOC);
      const id = new UserAssignedIdentity("app", { resourceGroupName: "rg" });
      key.grantEncryptDecrypt(identityGrantee("app", id));
      key.grantEncryptDecrypt(identityGrantee("app", id));
    });
    assert.strictEqual(err.field, "grant id");
  });

  rejectsInputs("azure.EncryptionKey", [
    [() => new EncryptionKey("k", {}), "location", "undefined", /an Azure region name/],
    [
      () => new EncryptionKey("k", { location: "West Europe" }),
      "location",
      '"West Europe"',
      /an Azure region name/,
    ],
    [
      () => new EncryptionKey("k", { ...LOC, rotationDays: 400 }),
      "rotationDays",
      "400",
      "an integer from 30 to 365",
    ],
    [
      () => new EncryptionKey("k", { ...LOC, keySize: 2500 as 2048 }),
      "keySize",
      "2500",
      "2048, 3072 or 4096",
    ],
    // A long name is not refused (the vault takes a shortened name); a leading digit is.
    [() => new EncryptionKey("9key", LOC), "name", '"9key"', /3-24 letters/],
    [
      () => new EncryptionKey("k", { ...LOC, resourceGroup: "bad/name" }),
      "resourceGroup",
      '"bad/name"',
      /resource group name/,
    ],
    [
      () => new EncryptionKey("k", { ...LOC, rotationDay: 90 } as object),
      "rotationDay",
      "90",
      /rotationDays/,
    ],
  ]);
});
