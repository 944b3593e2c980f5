// Every Network knob on Azure: prod in a given resource group, a /20 address space (each tier a /23, the
// smallest a Container Apps environment takes), only the tiers the platform uses, the NAT gateway that is
// the apps tier's egress (its address exported for partners' allow-lists), a shared workspace, and a
// caller's own NSG rule (from the virtual network only) added next to the baseline, and VNet flow logs to a
// central flow-log account.
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { SecurityRule } from "@pulumi/azure-native/network";
import { Network } from "../../components/azure";

const FLOW_LOG_ACCOUNT =
  "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/observability/providers/Microsoft.Storage/storageAccounts/centralflowlogs";
const WORKSPACE =
  "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/central";

export default function program(): Record<string, unknown> {
  const group = new ResourceGroup("platform", { location: "northeurope" });
  const network = new Network("core", {
    environment: "prod",
    resourceGroup: group,
    addressSpace: "10.20.0.0/20",
    tiers: ["apps", "data"],
    // The default, written out: `false` leaves the apps tier with no way to the internet (image pulls).
    nat: true,
    logWorkspaceId: WORKSPACE,
    tags: { "cost-center": "platform" },
  });
  // Every flow through the network, to an account in the network's region (Network Watcher writes it).
  network.flowLogsTo(FLOW_LOG_ACCOUNT);
  // PostgreSQL from the apps subnet only: a narrower rule ahead of the baseline's internet deny.
  new SecurityRule("core-data-postgres-from-apps", {
    resourceGroupName: group.name,
    networkSecurityGroupName: network.securityGroups.data!.name,
    priority: 200,
    direction: "Inbound",
    access: "Allow",
    protocol: "Tcp",
    sourceAddressPrefix: "10.20.2.0/23",
    sourcePortRange: "*",
    destinationAddressPrefix: "10.20.4.0/23",
    destinationPortRange: "5432",
  });
  return { vnetId: network.vnetId, subnetIds: network.subnetIds, egressIp: network.natPublicIp };
}
