// Every PostgresDatabase knob on Azure: prod in a given resource group with a shared key and workspace,
// geo-redundant backups encrypted with a key in the paired region, a bigger SKU and longer backups, Entra
// administrators of each kind, and the recorded weakening of password authentication for a legacy tool.
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { EncryptionKey, Network, PostgresDatabase } from "../../components/azure";

const WORKSPACE =
  "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/central";

export default function program(): Record<string, unknown> {
  const group = new ResourceGroup("platform", { location: "westeurope" });
  const network = new Network("core", {
    environment: "prod",
    resourceGroup: group,
    logWorkspaceId: WORKSPACE,
  });
  const key = new EncryptionKey("data", { environment: "prod", resourceGroup: group });
  // Geo backups land in the paired region (North Europe): Azure needs their key there.
  const geoKey = new EncryptionKey("data-geo", { environment: "prod", location: "northeurope" });
  const ledger = new PostgresDatabase("ledger", {
    environment: "prod",
    resourceGroup: group,
    network,
    encryptionKey: key,
    geoBackupEncryptionKey: geoKey,
    logWorkspaceId: WORKSPACE,
    engineVersion: "17",
    skuName: "Standard_E4ds_v5",
    skuTier: "MemoryOptimized",
    storageGiB: 256,
    backupRetentionDays: 35,
    databaseName: "ledger",
    administrators: [
      { objectId: "00000000-0000-4000-8000-00000000000a", principalName: "db-admins" },
      {
        objectId: "00000000-0000-4000-8000-00000000000b",
        principalName: "ledger-migrator",
        principalType: "ServicePrincipal",
      },
    ],
    // The reporting tool cannot use Entra tokens: shows in `weakened`.
    passwordAuth: true,
    administratorLoginPassword: new pulumi.Config().getSecret("ledgerPassword") ?? pulumi.secret("change-me"),
    tags: { "cost-center": "finance" },
  });
  return { host: ledger.host, weakened: ledger.weakened };
}
