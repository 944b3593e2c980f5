// The Azure rules (issue #12), each with programs that pass and programs that fail, written with the SDK's
// real resource classes so the values azure-native fills in on the client reach the rules as they would
// in a real preview; and what a rule says while the SDK has made its decisive object unknown in preview.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as app from "@pulumi/azure-native/app";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as network from "@pulumi/azure-native/network";
import * as compute from "@pulumi/azure-native/compute";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as sql from "@pulumi/azure-native/sql";
import * as storage from "@pulumi/azure-native/storage";
import { T } from "../../policy/rules/azure/resource-types";
import { policies } from "../../policy/pack";
import { RuleCase, passesInPreview, ruleCases, undecidedInPreview } from "./rule-cases";
import {
  RG,
  aksCluster,
  containerApp,
  linuxVm,
  postgresServer,
  securityGroup,
  securityRule,
  sqlServer,
  storageAccount,
  subnet,
  vault,
  vaultKey,
} from "./azure-kit";

/** A URL under the vault, known only once the vault exists (its id is unknown in preview). */
function afterCreation(kv: keyvault.Vault, path: string): pulumi.Output<string> {
  return pulumi.interpolate`https://${kv.id.apply((id) => id.split("/").pop())}.vault.azure.net/${path}`;
}

describe("Azure rules: resource types", () => {
  it("every token in the table is the __pulumiType of the azure-native class it names", () => {
    for (const token of Object.values(T).flat()) {
      const [, module, name] = token.split(":");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cls = (require(`@pulumi/azure-native/${module}`) as Record<string, { __pulumiType?: string }>)[
        name
      ];
      assert.strictEqual(cls?.__pulumiType, token, token);
    }
  });

  it("every Azure policy has a severity, a remediation and references", () => {
    const azure = policies.filter((p) => p.area === "azure");
    assert.ok(azure.length >= 25, `only ${azure.length} Azure policies`);
    for (const p of azure) {
      assert.ok(p.name.startsWith("azure-"), p.name);
      assert.ok(p.remediationSteps.length > 20 && p.references.length > 0, p.name);
    }
  });
});

const storageCases: RuleCase[] = [
  {
    policy: "azure-storage-no-public-blob-access",
    title: "the kit account",
    program: () => void storageAccount("st"),
  },
  {
    policy: "azure-storage-no-public-blob-access",
    title: "allowBlobPublicAccess true",
    program: () => void storageAccount("st", { allowBlobPublicAccess: true }),
    fail: /allowBlobPublicAccess is true/,
  },
  {
    policy: "azure-storage-https-only",
    title: "enableHttpsTrafficOnly unset (true since 2019-04-01)",
    program: () => void storageAccount("st", { enableHttpsTrafficOnly: undefined }),
  },
  {
    policy: "azure-storage-https-only",
    title: "enableHttpsTrafficOnly false",
    program: () => void storageAccount("st", { enableHttpsTrafficOnly: false }),
    fail: /HTTP allowed/,
  },
  {
    policy: "azure-storage-tls12",
    title: "minimumTlsVersion unset: asked for explicitly, not said to be TLS 1.0",
    program: () => void storageAccount("st", { minimumTlsVersion: undefined }),
    fail: /minimumTlsVersion is not set: Azure Storage refuses TLS below 1\.2 since February 2026/,
  },
  {
    policy: "azure-storage-tls12",
    title: "TLS1_1",
    program: () => void storageAccount("st", { minimumTlsVersion: "TLS1_1" }),
    fail: /"TLS1_1"/,
  },
  {
    policy: "azure-storage-no-shared-key",
    title: "allowSharedKeyAccess unset (true)",
    program: () => void storageAccount("st", { allowSharedKeyAccess: undefined }),
    fail: /unset \(true\)/,
  },
  {
    policy: "azure-storage-network-deny",
    title: "public network access on with a Deny rule set",
    program: () => void storageAccount("st", { publicNetworkAccess: "Enabled" }),
  },
  {
    policy: "azure-storage-network-deny",
    title: "public network access disabled, no rule set",
    program: () => void storageAccount("st", { networkRuleSet: undefined }),
  },
  {
    policy: "azure-storage-network-deny",
    title: "nothing set (the rule set's default action is Allow)",
    program: () => void storageAccount("st", { publicNetworkAccess: undefined, networkRuleSet: undefined }),
    fail: /defaultAction is "Allow"/,
  },
  {
    policy: "azure-storage-network-deny",
    title: "a rule set with IP rules and default Allow",
    program: () =>
      void storageAccount("st", {
        publicNetworkAccess: "Enabled",
        networkRuleSet: { defaultAction: "Allow", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] },
      }),
    fail: /defaultAction is "Allow"/,
  },
  {
    policy: "azure-storage-public-network-access",
    title: "publicNetworkAccess Enabled",
    program: () => void storageAccount("st", { publicNetworkAccess: "Enabled" }),
    fail: /"Enabled"/,
  },
  {
    policy: "azure-storage-infrastructure-encryption",
    title: "encryption without infrastructure encryption",
    program: () => void storageAccount("st", { encryption: { keySource: "Microsoft.Storage" } }),
    fail: /requireInfrastructureEncryption is not true/,
  },
  {
    policy: "azure-storage-no-cross-tenant-replication",
    title: "allowCrossTenantReplication true",
    program: () => void storageAccount("st", { allowCrossTenantReplication: true }),
    fail: /allowCrossTenantReplication is true/,
  },
  {
    policy: "azure-storage-blob-recovery",
    title: "the kit account",
    program: () => void storageAccount("st"),
  },
  {
    policy: "azure-storage-blob-recovery",
    title: "no BlobServiceProperties",
    program: () => void storageAccount("st", {}, false),
    fail: /has no BlobServiceProperties/,
  },
  {
    policy: "azure-storage-blob-recovery",
    title: "versioning off",
    program: () => void storageAccount("st", {}, { isVersioningEnabled: false }),
    fail: /lacks versioning/,
  },
];

const networkCases: RuleCase[] = [
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "HTTPS from the virtual network",
    program: () => void securityGroup("nsg"),
  },
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "SSH from a known range, RDP denied from anywhere, HTTPS from the internet",
    program: () =>
      void securityGroup("nsg", [
        securityRule({
          name: "ssh-office",
          sourceAddressPrefix: "203.0.113.0/24",
          destinationPortRange: "22",
        }),
        securityRule({
          name: "deny-rdp",
          access: "Deny",
          sourceAddressPrefix: "*",
          destinationPortRange: "3389",
        }),
        securityRule({ name: "https", sourceAddressPrefix: "Internet", destinationPortRange: "443" }),
      ]),
  },
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "inline SSH from Internet",
    program: () =>
      void securityGroup("nsg", [
        securityRule({ name: "ssh", sourceAddressPrefix: "Internet", destinationPortRange: "22" }),
      ]),
    fail: /rule "ssh" allows the internet to 22 \(SSH\)/,
  },
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "inline any protocol to a range covering 3389 from 0.0.0.0/0 among prefixes",
    program: () =>
      void securityGroup("nsg", [
        securityRule({
          name: "wide",
          protocol: "*",
          sourceAddressPrefix: undefined,
          sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"],
          destinationPortRange: undefined,
          destinationPortRanges: ["3000-3999"],
        }),
      ]),
    fail: /3389 \(RDP\)/,
  },
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "standalone rule from * to every port",
    program: () =>
      void new network.SecurityRule("all-in", {
        ...securityRule({ sourceAddressPrefix: "*", destinationPortRange: "*" }),
        resourceGroupName: RG,
        networkSecurityGroupName: "nsg-corpus",
        priority: 200,
      }),
    fail: /5432 \(PostgreSQL\)/,
  },
  {
    policy: "azure-nsg-no-admin-ports-from-internet",
    title: "UDP to 3389 from the internet (no TCP service there)",
    program: () =>
      void securityGroup("nsg", [
        securityRule({ protocol: "Udp", sourceAddressPrefix: "*", destinationPortRange: "3389" }),
      ]),
  },
  { policy: "azure-subnet-nsg", title: "the kit subnet", program: () => void subnet("app") },
  {
    policy: "azure-subnet-nsg",
    title: "GatewaySubnet without an NSG",
    program: () => void subnet("gw", { subnetName: "GatewaySubnet", networkSecurityGroup: undefined }),
  },
  {
    policy: "azure-subnet-nsg",
    title: "no NSG, default outbound access left on",
    program: () => void subnet("app", { networkSecurityGroup: undefined, defaultOutboundAccess: undefined }),
    fail: /no networkSecurityGroup/,
  },
  {
    policy: "azure-subnet-nsg",
    title: "default outbound access left unset: said as the SDK's API version does it",
    program: () => void subnet("app", { defaultOutboundAccess: undefined }),
    fail: /defaultOutboundAccess is not set: through the API version the SDK uses, a new subnet then has default outbound access/,
  },
  {
    policy: "azure-vm-no-public-ip",
    title: "a NIC with a private address only",
    program: () => void nic("vm", {}),
  },
  {
    policy: "azure-vm-no-public-ip",
    title: "a NIC whose IP configuration takes a public IP",
    program: () =>
      void nic("vm", {
        publicIPAddress: {
          id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/publicIPAddresses/vm",
        },
      }),
    fail: /ipConfigurations\[0\]\.publicIPAddress is set/,
  },
  {
    policy: "azure-vm-no-public-ip",
    title: "a scale set whose NIC configuration gives every instance a public IP",
    program: () =>
      void new compute.VirtualMachineScaleSet("vmss", {
        resourceGroupName: "rg",
        virtualMachineProfile: {
          networkProfile: {
            networkInterfaceConfigurations: [
              {
                name: "nic",
                ipConfigurations: [{ name: "ip", publicIPAddressConfiguration: { name: "pip" } }],
              },
            ],
          },
        },
      }),
    fail: /networkInterfaceConfigurations\[0\]\.ipConfigurations\[0\]\.publicIPAddressConfiguration is set/,
  },
];

/** A NIC in a private subnet; `ip` adds to its one IP configuration. */
function nic(name: string, ip: Record<string, unknown>): network.NetworkInterface {
  return new network.NetworkInterface(name, {
    resourceGroupName: "rg",
    ipConfigurations: [
      {
        name: "primary",
        subnet: {
          id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/app",
        },
        ...ip,
      },
    ],
  });
}

const keyVaultCases: RuleCase[] = [
  ...["purge-protection", "soft-delete-retention", "network-deny", "rbac"].map((rule) => ({
    policy: `azure-keyvault-${rule}`,
    title: "the kit vault",
    program: () => void vault("kv"),
  })),
  {
    policy: "azure-keyvault-purge-protection",
    title: "purge protection unset",
    program: () => void vault("kv", { enablePurgeProtection: undefined }),
    fail: /enablePurgeProtection is not true/,
  },
  {
    policy: "azure-keyvault-soft-delete-retention",
    title: "7-day retention",
    program: () => void vault("kv", { softDeleteRetentionInDays: 7 }),
    fail: /softDeleteRetentionInDays is 7/,
  },
  {
    policy: "azure-keyvault-soft-delete-retention",
    title: "30-day retention with the minimum configured to 30",
    program: () => void vault("kv", { softDeleteRetentionInDays: 30 }),
    config: { "azure-keyvault-soft-delete-retention": { minimumRetentionDays: 30 } },
  },
  {
    policy: "azure-keyvault-network-deny",
    title: "nothing set (the SDK fills in publicNetworkAccess enabled)",
    program: () => void vault("kv", { publicNetworkAccess: undefined, networkAcls: undefined }),
    fail: /defaultAction is "Allow"/,
  },
  {
    policy: "azure-keyvault-network-deny",
    title: "public network access on with default Deny ACLs",
    program: () => void vault("kv", { publicNetworkAccess: "enabled" }),
  },
  {
    policy: "azure-keyvault-rbac",
    title: "RBAC unset (the SDK fills in false)",
    program: () => void vault("kv", { enableRbacAuthorization: undefined }),
    fail: /enableRbacAuthorization is not true/,
  },
  { policy: "azure-keyvault-key-expiry", title: "the kit key", program: () => void vaultKey("k") },
  {
    policy: "azure-keyvault-key-expiry",
    title: "no expiry",
    program: () => void vaultKey("k", { attributes: { enabled: true } }),
    fail: /expires is not set/,
  },
  { policy: "azure-keyvault-key-rotation", title: "the kit key", program: () => void vaultKey("k") },
  {
    policy: "azure-keyvault-key-rotation",
    title: "a rotation policy that only notifies",
    program: () =>
      void vaultKey("k", {
        rotationPolicy: {
          lifetimeActions: [{ action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } }],
        },
      }),
    fail: /no rotate lifetime action/,
  },
];

const databaseCases: RuleCase[] = [
  ...["no-public-access", "entra-auth", "prod-resilience"].map((rule) => ({
    policy: `azure-postgres-${rule}`,
    title: "the kit server",
    program: () => void postgresServer("pg"),
  })),
  {
    policy: "azure-postgres-no-public-access",
    title: "no network block (public by default)",
    program: () => void postgresServer("pg", { network: undefined }),
    fail: /public by default/,
  },
  {
    policy: "azure-postgres-no-public-access",
    title: "publicNetworkAccess Enabled",
    program: () => void postgresServer("pg", { network: { publicNetworkAccess: "Enabled" } }),
    fail: /"Enabled"/,
  },
  {
    policy: "azure-postgres-entra-auth",
    title: "no authConfig (the SDK fills in password auth Enabled)",
    program: () => void postgresServer("pg", { authConfig: undefined }),
    fail: /passwordAuth is "Enabled"/,
  },
  {
    policy: "azure-postgres-prod-resilience",
    title: "a prod server with the SDK's backup and HA defaults",
    program: () =>
      void postgresServer("pg", {
        tags: { environment: "prod" },
        highAvailability: {},
        backup: { backupRetentionDays: 30 },
      }),
    fail: /geoRedundantBackup is "Disabled" in prod/,
  },
  {
    policy: "azure-postgres-secure-transport",
    title: "require_secure_transport on, TLSv1.2",
    program: () => {
      const server = postgresServer("pg");
      for (const [name, value] of [
        ["require_secure_transport", "on"],
        ["ssl_min_protocol_version", "TLSv1.2"],
      ])
        new dbforpostgresql.Configuration(name, {
          resourceGroupName: RG,
          serverName: server.name,
          configurationName: name,
          value,
          source: "user-override",
        });
    },
  },
  {
    policy: "azure-postgres-secure-transport",
    title: "require_secure_transport OFF",
    program: () =>
      void new dbforpostgresql.Configuration("tls", {
        resourceGroupName: RG,
        serverName: postgresServer("pg").name,
        configurationName: "require_secure_transport",
        value: "OFF",
      }),
    fail: /require_secure_transport is "OFF"/,
  },
  ...["no-public-access", "tls12"].map((rule) => ({
    policy: `azure-sql-${rule}`,
    title: "the kit server",
    program: () => void sqlServer("sql"),
  })),
  {
    policy: "azure-sql-no-public-access",
    title: "publicNetworkAccess unset",
    program: () => void sqlServer("sql", { publicNetworkAccess: undefined }),
    fail: /unset \(Enabled\)/,
  },
  {
    policy: "azure-sql-tls12",
    title: "minimalTlsVersion 1.0",
    program: () => void sqlServer("sql", { minimalTlsVersion: "1.0" }),
    fail: /"1.0"/,
  },
  {
    policy: "azure-database-firewall-not-open",
    title: "an office /24 on PostgreSQL",
    program: () =>
      void new dbforpostgresql.FirewallRule("office", {
        resourceGroupName: RG,
        serverName: postgresServer("pg").name,
        startIpAddress: "203.0.113.0",
        endIpAddress: "203.0.113.255",
      }),
  },
  {
    policy: "azure-database-firewall-not-open",
    title: "0.0.0.0–255.255.255.255 on SQL",
    program: () =>
      void new sql.FirewallRule("all", {
        resourceGroupName: RG,
        serverName: sqlServer("sql").name,
        startIpAddress: "0.0.0.0",
        endIpAddress: "255.255.255.255",
      }),
    fail: /opens 4294967296 addresses/,
  },
  {
    policy: "azure-database-firewall-not-open",
    title: "allow Azure services (0.0.0.0–0.0.0.0) on PostgreSQL",
    program: () =>
      void new dbforpostgresql.FirewallRule("azure", {
        resourceGroupName: RG,
        serverName: postgresServer("pg").name,
        startIpAddress: "0.0.0.0",
        endIpAddress: "0.0.0.0",
      }),
    fail: /every Azure service/,
  },
];

const computeCases: RuleCase[] = [
  ...["https-only", "internal-ingress"].map((rule) => ({
    policy: `azure-containerapp-${rule}`,
    title: "the kit app",
    program: () => void containerApp("web"),
  })),
  {
    policy: "azure-containerapp-https-only",
    title: "external ingress with allowInsecure",
    program: () => void containerApp("web", { external: true, allowInsecure: true }),
    fail: /allowInsecure is true on external ingress/,
  },
  {
    policy: "azure-containerapp-internal-ingress",
    title: "external ingress",
    program: () => void containerApp("web", { external: true }),
    fail: /external is true/,
  },
  { policy: "azure-vm-ssh-keys-only", title: "the kit VM", program: () => void linuxVm("vm") },
  {
    policy: "azure-vm-ssh-keys-only",
    title: "password authentication left on",
    program: () => void linuxVm("vm", { disablePasswordAuthentication: false }),
    fail: /disablePasswordAuthentication is not true/,
  },
  ...["rbac", "local-accounts-disabled", "api-server-restricted"].map((rule) => ({
    policy: `azure-aks-${rule}`,
    title: "the kit cluster",
    program: () => void aksCluster("aks"),
  })),
  {
    policy: "azure-aks-rbac",
    title: "enableRBAC false",
    program: () => void aksCluster("aks", { enableRBAC: false }),
    fail: /enableRBAC is false/,
  },
  {
    policy: "azure-aks-local-accounts-disabled",
    title: "local accounts left on",
    program: () => void aksCluster("aks", { disableLocalAccounts: undefined }),
    fail: /disableLocalAccounts is not true/,
  },
  {
    policy: "azure-aks-api-server-restricted",
    title: "a public API server limited to a CI range",
    program: () =>
      void aksCluster("aks", { apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] } }),
  },
  {
    policy: "azure-aks-api-server-restricted",
    title: "a public API server with no authorized ranges",
    program: () => void aksCluster("aks", { apiServerAccessProfile: undefined }),
    fail: /authorizedIPRanges is empty/,
  },
  {
    policy: "azure-aks-api-server-restricted",
    title: "authorized ranges that include 0.0.0.0/0",
    program: () => void aksCluster("aks", { apiServerAccessProfile: { authorizedIPRanges: ["0.0.0.0/0"] } }),
    fail: /to the internet/,
  },
];

describe("Azure rules: storage accounts", function () {
  this.timeout(60_000);
  ruleCases(storageCases);
  undecidedInPreview(
    "azure-storage-infrastructure-encryption",
    "a CMK from a vault in the same program",
    () => {
      const kv = vault("kv");
      storageAccount("st", {
        encryption: {
          keySource: "Microsoft.Keyvault",
          keyVaultProperties: { keyName: "cmk", keyVaultUri: afterCreation(kv, "") },
        },
      });
    },
  );
  undecidedInPreview(
    "azure-storage-network-deny",
    "a rule set naming a subnet created in the program",
    () => {
      const s = subnet("app");
      storageAccount("st", {
        publicNetworkAccess: "Enabled",
        networkRuleSet: { defaultAction: "Allow", virtualNetworkRules: [{ virtualNetworkResourceId: s.id }] },
      });
    },
  );
});

describe("Azure rules: storage account links", function () {
  this.timeout(60_000);
  passesInPreview("azure-storage-blob-recovery", "a blob service naming the account by its output", () => {
    const account = storageAccount("st", { accountName: undefined }, false);
    new storage.BlobServiceProperties("st-blob", {
      resourceGroupName: RG,
      accountName: account.name,
      deleteRetentionPolicy: { enabled: true, days: 7 },
      containerDeleteRetentionPolicy: { enabled: true, days: 7 },
      isVersioningEnabled: true,
    });
  });
});

describe("Azure rules: network security", function () {
  this.timeout(60_000);
  ruleCases(networkCases);
});

describe("Azure rules: Key Vault", function () {
  this.timeout(60_000);
  ruleCases(keyVaultCases);
  undecidedInPreview("azure-keyvault-rbac", "a vault whose tenant comes from another resource", () => {
    const identity = new managedidentity.UserAssignedIdentity("id", { resourceGroupName: RG });
    vault("kv", { enableRbacAuthorization: false, tenantId: identity.tenantId });
  });
});

describe("Azure rules: databases", function () {
  this.timeout(60_000);
  ruleCases(databaseCases);
  undecidedInPreview(
    "azure-postgres-entra-auth",
    "an authConfig whose tenant is another resource's output",
    () => {
      const identity = new managedidentity.UserAssignedIdentity("id", { resourceGroupName: RG });
      postgresServer("pg", { authConfig: { passwordAuth: "Enabled", tenantId: identity.tenantId } });
    },
  );
});

describe("Azure rules: compute", function () {
  this.timeout(60_000);
  ruleCases(computeCases);
  undecidedInPreview("azure-containerapp-https-only", "a configuration with a secret from a vault", () => {
    new app.ContainerApp("web", {
      resourceGroupName: RG,
      configuration: {
        ingress: { external: true, allowInsecure: true, targetPort: 8080 },
        secrets: [{ name: "db", keyVaultUrl: afterCreation(vault("kv"), "secrets/db"), identity: "system" }],
      },
    });
  });
});
