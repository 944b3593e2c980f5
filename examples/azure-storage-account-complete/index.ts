// Every StorageAccount knob on Azure: prod, a given resource group, key and workspace, a fixed name,
// longer soft delete, and the recorded weakenings a tool that needs shared keys over the public endpoint
// brings (from one named range only), plus blob grants to a managed identity.
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { EncryptionKey, StorageAccount } from "../../components/azure";

const WORKSPACE =
  "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/central";

export default function program(): Record<string, unknown> {
  const group = new ResourceGroup("data", { location: "westeurope" });
  const key = new EncryptionKey("records", {
    environment: "prod",
    resourceGroup: group,
    logWorkspaceId: WORKSPACE,
  });
  const records = new StorageAccount("records", {
    environment: "prod",
    resourceGroup: group,
    encryptionKey: key,
    logWorkspaceId: WORKSPACE,
    accountName: "contosorecords01",
    containers: ["invoices", "statements"],
    softDeleteDays: 90,
    // A legacy sync tool signs with the account key from the office range: both show in `weakened`.
    publicNetworkAccess: true,
    allowedIpRanges: ["203.0.113.0/24"],
    sharedKeyAccess: true,
    tags: { "cost-center": "finance" },
  });
  const reader = new UserAssignedIdentity("reporting", {
    resourceGroupName: group.name,
    location: group.location,
  });
  records.grantRead(reader);
  return { accountId: records.accountId, weakened: records.weakened };
}
