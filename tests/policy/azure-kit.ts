// Compliant raw azure-native resources, each meeting every Azure rule of its service, so a test or corpus
// program can change one argument and expect one policy to fire. Built with the SDK's real classes, so
// the values the SDK fills in on the client (vault RBAC off, storage network Allow …) reach the rules.
import * as app from "@pulumi/azure-native/app";
import * as compute from "@pulumi/azure-native/compute";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import * as sql from "@pulumi/azure-native/sql";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";
import type * as inputs from "@pulumi/azure-native/types/input";
import { TAGS } from "./kit";

export const RG = "rg-corpus";
export const LOCATION = "westeurope";
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-corpus/providers";
export const TENANT = "00000000-0000-0000-0000-0000000000aa";
const base = { resourceGroupName: RG, location: LOCATION, tags: TAGS };
/** A user-assigned identity that may use the corpus keys. */
const IDENTITY = `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id-corpus`;
/** A disk encryption set over a Key Vault key. */
const DISK_ENCRYPTION_SET = `${SUB}/Microsoft.Compute/diskEncryptionSets/des-corpus`;

/** A storage account locked down (no public blobs, HTTPS, TLS 1.2, OAuth only, private) with blob recovery. */
export function storageAccount(
  name: string,
  args: Partial<storage.StorageAccountArgs> = {},
  blob: Partial<storage.BlobServicePropertiesArgs> | false = {},
): storage.StorageAccount {
  // A physical name, as Azure's global namespace makes programs choose one; the blob service names it too
  // (the offline engine fabricates no azure-native `name` output in update mode).
  const accountName = `${name.replace(/[^a-z0-9]/g, "")}corpus`;
  const account = new storage.StorageAccount(name, {
    ...base,
    accountName,
    kind: "StorageV2",
    sku: { name: "Standard_ZRS" },
    enableHttpsTrafficOnly: true,
    minimumTlsVersion: "TLS1_2",
    allowBlobPublicAccess: false,
    allowSharedKeyAccess: false,
    defaultToOAuthAuthentication: true,
    allowCrossTenantReplication: false,
    publicNetworkAccess: "Disabled",
    networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
    identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY] },
    encryption: {
      requireInfrastructureEncryption: true,
      keySource: "Microsoft.Keyvault",
      keyVaultProperties: { keyName: "storage", keyVaultUri: "https://kv-corpus.vault.azure.net/" },
      encryptionIdentity: { encryptionUserAssignedIdentity: IDENTITY },
    },
    ...args,
  });
  if (blob !== false) {
    new storage.BlobServiceProperties(
      `${name}-blob`,
      {
        resourceGroupName: RG,
        accountName,
        blobServicesName: "default",
        deleteRetentionPolicy: { enabled: true, days: 7 },
        containerDeleteRetentionPolicy: { enabled: true, days: 7 },
        isVersioningEnabled: true,
        ...blob,
      },
      { dependsOn: account },
    );
  }
  return account;
}

/** An inbound rule from the virtual network to HTTPS: compliant, to be overridden field by field. */
export function securityRule(
  over: Partial<inputs.network.SecurityRuleArgs> = {},
): inputs.network.SecurityRuleArgs {
  return {
    name: "allow-https-vnet",
    priority: 100,
    direction: "Inbound",
    access: "Allow",
    protocol: "Tcp",
    sourceAddressPrefix: "VirtualNetwork",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "443",
    ...over,
  };
}

/** A network security group with the given inline rules. */
export function securityGroup(
  name: string,
  rules: inputs.network.SecurityRuleArgs[] = [securityRule()],
): network.NetworkSecurityGroup {
  return new network.NetworkSecurityGroup(name, { ...base, securityRules: rules });
}

/** A subnet bound to an NSG, default outbound access off. */
export function subnet(name: string, args: Partial<network.SubnetArgs> = {}): network.Subnet {
  return new network.Subnet(name, {
    resourceGroupName: RG,
    virtualNetworkName: "vnet-corpus",
    addressPrefix: "10.0.1.0/24",
    networkSecurityGroup: { id: `${SUB}/Microsoft.Network/networkSecurityGroups/nsg-corpus` },
    defaultOutboundAccess: false,
    ...args,
  });
}

/** A vault with RBAC, purge protection, 90-day soft delete and no public network access. */
export function vault(
  name: string,
  properties: Partial<inputs.keyvault.VaultPropertiesArgs> = {},
): keyvault.Vault {
  return new keyvault.Vault(name, {
    ...base,
    properties: {
      tenantId: TENANT,
      sku: { family: "A", name: "standard" },
      enableRbacAuthorization: true,
      enablePurgeProtection: true,
      softDeleteRetentionInDays: 90,
      publicNetworkAccess: "disabled",
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      ...properties,
    },
  });
}

/** A key with an expiry and a rotation policy, in a compliant vault (or `vaultName`). */
export function vaultKey(
  name: string,
  properties: Partial<inputs.keyvault.KeyPropertiesArgs> = {},
  vaultName?: keyvault.KeyArgs["vaultName"],
): keyvault.Key {
  return new keyvault.Key(name, {
    resourceGroupName: RG,
    vaultName: vaultName ?? vault(`${name}-vault`).name,
    tags: TAGS,
    properties: {
      kty: "RSA",
      keySize: 3072,
      attributes: { expires: 1_900_000_000 },
      rotationPolicy: {
        attributes: { expiryTime: "P1Y" },
        lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }],
      },
      ...properties,
    },
  });
}

/** A PostgreSQL flexible server with private access, Entra ID authentication only and a customer-managed key. */
export function postgresServer(
  name: string,
  args: Partial<dbforpostgresql.ServerArgs> = {},
): dbforpostgresql.Server {
  return new dbforpostgresql.Server(name, {
    ...base,
    version: "16",
    sku: { name: "Standard_D2ds_v5", tier: "GeneralPurpose" },
    network: {
      delegatedSubnetResourceId: `${SUB}/Microsoft.Network/virtualNetworks/vnet-corpus/subnets/db`,
      privateDnsZoneArmResourceId: `${SUB}/Microsoft.Network/privateDnsZones/corpus.postgres.database.azure.com`,
      publicNetworkAccess: "Disabled",
    },
    authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled", tenantId: TENANT },
    backup: { backupRetentionDays: 7, geoRedundantBackup: "Disabled" },
    identity: { type: "UserAssigned", userAssignedIdentities: { [IDENTITY]: {} } },
    dataEncryption: {
      type: "AzureKeyVault",
      primaryKeyURI: "https://kv-corpus.vault.azure.net/keys/pg/0123456789abcdef",
      primaryUserAssignedIdentityId: IDENTITY,
    },
    ...args,
  });
}

/** An Azure SQL server with Entra-only authentication, TLS 1.2 and no public network access. */
export function sqlServer(name: string, args: Partial<sql.ServerArgs> = {}): sql.Server {
  return new sql.Server(name, {
    ...base,
    minimalTlsVersion: "1.2",
    publicNetworkAccess: "Disabled",
    administrators: { azureADOnlyAuthentication: true, login: "dba-group", sid: TENANT, tenantId: TENANT },
    ...args,
  });
}

/** A container app with internal, HTTPS-only ingress. */
export function containerApp(name: string, ingress: Partial<inputs.app.IngressArgs> = {}): app.ContainerApp {
  return new app.ContainerApp(name, {
    ...base,
    environmentId: `${SUB}/Microsoft.App/managedEnvironments/env-corpus`,
    configuration: { ingress: { external: false, allowInsecure: false, targetPort: 8080, ...ingress } },
    template: { containers: [{ name: "web", image: "ghcr.io/acme/web:1.2.3" }] },
  });
}

/** A Linux VM that accepts SSH keys only, its OS disk under a customer-managed key. */
export function linuxVm(
  name: string,
  linux: Partial<inputs.compute.LinuxConfigurationArgs> = {},
): compute.VirtualMachine {
  return new compute.VirtualMachine(name, {
    ...base,
    hardwareProfile: { vmSize: "Standard_B2s" },
    storageProfile: {
      imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
      osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id: DISK_ENCRYPTION_SET } } },
    },
    osProfile: {
      computerName: name,
      adminUsername: "ops",
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: {
          publicKeys: [{ path: "/home/ops/.ssh/authorized_keys", keyData: "ssh-ed25519 AAAAC3Nza ops" }],
        },
        ...linux,
      },
    },
  });
}

/** A private AKS cluster with Entra ID, Azure RBAC and no local accounts. */
export function aksCluster(
  name: string,
  args: Partial<containerservice.ManagedClusterArgs> = {},
  audit: boolean = true,
): containerservice.ManagedCluster {
  const cluster = new containerservice.ManagedCluster(name, {
    ...base,
    dnsPrefix: name,
    enableRBAC: true,
    disableLocalAccounts: true,
    aadProfile: { managed: true, enableAzureRBAC: true },
    apiServerAccessProfile: { enablePrivateCluster: true },
    networkProfile: { networkPlugin: "azure", networkDataplane: "cilium", networkPolicy: "cilium" },
    identity: { type: "UserAssigned", userAssignedIdentities: [IDENTITY] },
    oidcIssuerProfile: { enabled: true },
    securityProfile: {
      workloadIdentity: { enabled: true },
      azureKeyVaultKms: {
        enabled: true,
        keyId: "https://kv-corpus.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef",
        keyVaultNetworkAccess: "Private",
        keyVaultResourceId: `${SUB}/Microsoft.KeyVault/vaults/kv-corpus`,
      },
    },
    autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
    agentPoolProfiles: [
      { name: "system", mode: "System", count: 2, vmSize: "Standard_D4ds_v5", enableEncryptionAtHost: true },
    ],
    ...args,
  });
  // The API server's audit records to a workspace (azure-aks-audit-logs).
  if (audit)
    new monitor.DiagnosticSetting(`${name}-audit`, {
      resourceUri: cluster.id,
      workspaceId: `${SUB}/Microsoft.OperationalInsights/workspaces/log-corpus`,
      logs: [{ category: "kube-audit-admin", enabled: true }],
    });
  return cluster;
}

/** An App Service app on HTTPS only, TLS 1.2, with its secret setting as a Key Vault reference. */
export function webApp(name: string, args: Partial<web.WebAppArgs> = {}): web.WebApp {
  return new web.WebApp(name, {
    ...base,
    serverFarmId: `${SUB}/Microsoft.Web/serverfarms/plan-corpus`,
    httpsOnly: true,
    siteConfig: {
      minTlsVersion: "1.2",
      appSettings: [
        { name: "LOG_LEVEL", value: "info" },
        {
          name: "DB_PASSWORD",
          value: "@Microsoft.KeyVault(SecretUri=https://kv-corpus.vault.azure.net/secrets/db/)",
        },
      ],
    },
    ...args,
  });
}

/** A registry with no admin user and no anonymous pulls. */
export function registry(
  name: string,
  args: Partial<containerregistry.RegistryArgs> = {},
): containerregistry.Registry {
  return new containerregistry.Registry(name, {
    ...base,
    registryName: `${name.replace(/[^a-z0-9]/g, "")}corpus`,
    sku: { name: "Premium" },
    adminUserEnabled: false,
    anonymousPullEnabled: false,
    ...args,
  });
}
