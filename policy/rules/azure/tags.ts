// The Azure instance of the required-tags rule every cloud shares (common.ts), over the azure-native
// resources that take `tags` and that platform programs commonly create. Child resources (subnets,
// security rules, blob service properties, role assignments) take no tags and are left out.
import { ResourceRule } from "../../runtime";
import { FLAT_TAGS, requiredTagsRule } from "../common";
import { T } from "./resource-types";

/** azure-native v3 types whose args declare `tags` (tests/policy/azure-rules.spec.ts asserts both). */
export const AZURE_TAGGABLE: readonly string[] = [
  ...T.storageAccount,
  ...T.networkSecurityGroup,
  ...T.vault,
  ...T.key,
  ...T.postgresServer,
  ...T.sqlServer,
  ...T.containerApp,
  ...T.virtualMachine,
  ...T.virtualMachineScaleSet,
  ...T.managedCluster,
  ...[
    "resources:ResourceGroup",
    "network:VirtualNetwork",
    "network:PublicIPAddress",
    "network:NatGateway",
    "network:NetworkInterface",
    "network:PrivateEndpoint",
    "network:RouteTable",
    "network:LoadBalancer",
    "network:ApplicationGateway",
    "privatedns:PrivateZone",
    "privatedns:VirtualNetworkLink",
    "managedidentity:UserAssignedIdentity",
    "operationalinsights:Workspace",
    "app:ManagedEnvironment",
    "sql:Database",
    "compute:Disk",
    "containerregistry:Registry",
    "web:WebApp",
    "web:AppServicePlan",
    "redis:Redis",
    "cosmosdb:DatabaseAccount",
    "servicebus:Namespace",
    "eventhub:Namespace",
  ].map((t) => `azure-native:${t}`),
];

export const azureTagRules: ResourceRule[] = [
  requiredTagsRule({
    ...FLAT_TAGS,
    name: "azure-required-tags",
    area: "azure",
    types: AZURE_TAGGABLE,
    references: ["Groundwork BASELINE tags", "Azure CAF tagging strategy"],
  }),
];
