// The azure-native v3 resource type tokens the Azure rules match, in one table, each checked against the
// class's `__pulumiType` in @pulumi/azure-native 3.28.0 (tests/policy/azure-rules.spec.ts asserts it).
export const T = {
  storageAccount: ["azure-native:storage:StorageAccount"],
  blobServiceProperties: ["azure-native:storage:BlobServiceProperties"],
  networkSecurityGroup: ["azure-native:network:NetworkSecurityGroup"],
  securityRule: ["azure-native:network:SecurityRule"],
  subnet: ["azure-native:network:Subnet"],
  vault: ["azure-native:keyvault:Vault"],
  key: ["azure-native:keyvault:Key"],
  postgresServer: ["azure-native:dbforpostgresql:Server"],
  postgresConfiguration: ["azure-native:dbforpostgresql:Configuration"],
  sqlServer: ["azure-native:sql:Server"],
  /** Server-level firewall rules of PostgreSQL flexible servers and Azure SQL: both take start/end IPs. */
  databaseFirewallRule: ["azure-native:dbforpostgresql:FirewallRule", "azure-native:sql:FirewallRule"],
  containerApp: ["azure-native:app:ContainerApp"],
  virtualMachine: ["azure-native:compute:VirtualMachine"],
  virtualMachineScaleSet: ["azure-native:compute:VirtualMachineScaleSet"],
  managedCluster: ["azure-native:containerservice:ManagedCluster"],
} as const;
