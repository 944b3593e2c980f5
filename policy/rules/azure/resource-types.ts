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
  /** Server-level firewall rules of the data services that take a start and an end address. */
  databaseFirewallRule: [
    "azure-native:dbforpostgresql:FirewallRule",
    "azure-native:sql:FirewallRule",
    "azure-native:dbformysql:FirewallRule",
    "azure-native:dbformariadb:FirewallRule",
    "azure-native:synapse:IpFirewallRule",
  ],
  /** Azure Cache for Redis firewall rules: the same range under other names (`startIP`, `endIP`). */
  redisFirewallRule: ["azure-native:redis:FirewallRule"],
  containerApp: ["azure-native:app:ContainerApp"],
  virtualMachine: ["azure-native:compute:VirtualMachine"],
  virtualMachineScaleSet: ["azure-native:compute:VirtualMachineScaleSet"],
  managedCluster: ["azure-native:containerservice:ManagedCluster"],
  virtualNetwork: ["azure-native:network:VirtualNetwork"],
  networkInterface: ["azure-native:network:NetworkInterface"],
  disk: ["azure-native:compute:Disk"],
  registry: ["azure-native:containerregistry:Registry"],
  /** App Service and Functions apps (a function app is a WebApp of kind `functionapp`), and their slots. */
  webApp: ["azure-native:web:WebApp", "azure-native:web:WebAppSlot"],
  webAppSettings: [
    "azure-native:web:WebAppApplicationSettings",
    "azure-native:web:WebAppApplicationSettingsSlot",
  ],
  containerGroup: ["azure-native:containerinstance:ContainerGroup"],
} as const;
