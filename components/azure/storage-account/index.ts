// StorageAccount: an Azure storage account that takes HTTPS and TLS 1.2 only, has no public blobs, no
// shared keys (Entra ID by default), infrastructure encryption and a customer-managed key through a
// user-assigned identity, no public network access, soft delete and versioning, and diagnostics.
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { PrivateDnsZoneGroup, PrivateEndpoint } from "@pulumi/azure-native/network";
import {
  BlobContainer,
  BlobServiceProperties,
  StorageAccount as Account,
} from "@pulumi/azure-native/storage";
import { Validator, childName } from "../../core";
import { outputProperties } from "../../core/component";
import { azureContext, wirePlacement } from "../common";
import { EncryptionKey } from "../encryption-key";
import { wireCmk } from "../cmk";
import { AzureGrants, GranteeLike } from "../grants";
import { diagnostics, wireWorkspace } from "../logs";
import { afterGrants } from "../propagation";
import { Network } from "../network";
import { AZURE_ROLES } from "../roles";
import {
  ResolvedStorageAccountArgs,
  StorageAccountArgs,
  defaultAccountName,
  resolveStorageAccountArgs,
} from "./args";

export { StorageAccountArgs } from "./args";

/** A private, key-encrypted, soft-deleting, versioned Azure storage account. */
export class StorageAccount extends pulumi.ComponentResource {
  /** The account's resource id: the scope of its grants. */
  public readonly accountId: pulumi.Output<string>;
  /** The account name. */
  public readonly accountName: pulumi.Output<string>;
  /** The blob endpoint (`https://<name>.blob.core.windows.net/`). */
  public readonly blobEndpoint: pulumi.Output<string>;
  /** The resource group the account is in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The workspace the diagnostics go to. */
  public readonly logWorkspaceId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw account and the identity that reads its key. */
  public readonly account: Account;
  public readonly identity: UserAssignedIdentity;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;

  private readonly grants: AzureGrants;

  constructor(name: string, args: StorageAccountArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.StorageAccount", name);
    const r = resolveStorageAccountArgs(v, args, opts?.protect);
    super("groundwork:azure:StorageAccount", name, {}, opts);
    this.grants = new AzureGrants(this, name, () => v);
    const where = wirePlacement(this, name, r.placement, r.tags);
    const workspace = wireWorkspace(this, name, r.workspace, { ...where, tags: r.tags, protect: r.protect });
    const cmk = wireCmk(this, name, r, where, workspace.id);
    this.encryptionKey = cmk.created;
    this.identity = cmk.identity;
    // The account cannot be created with the key until its identity may use the key.
    const key = cmk.key;
    const keyGrant = cmk.grants[0];
    this.account = this.makeAccount(name, r, where, key, keyGrant);
    this.blobService(name, r, where.resourceGroupName);
    if (r.network) this.privateEndpoint(name, r.network, r, where.resourceGroupName);
    diagnostics(
      this,
      "diagnostics",
      pulumi.interpolate`${this.account.id}/blobServices/default`,
      workspace.id,
      ["Transaction"],
    );

    this.accountId = this.account.id;
    this.accountName = this.account.name;
    this.blobEndpoint = this.account.primaryEndpoints.blob;
    this.resourceGroupName = where.resourceGroupName;
    this.logWorkspaceId = workspace.id;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /** The account, every secure value set explicitly (the SDK fills in network "Allow" on the client). */
  private makeAccount(
    name: string,
    r: ResolvedStorageAccountArgs,
    where: { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> },
    key: EncryptionKey,
    keyGrant: RoleAssignment,
  ): Account {
    return new Account(
      childName(name, "account"),
      {
        accountName:
          r.accountName ?? azureContext(this).apply((c) => defaultAccountName(name, c.subscriptionId)),
        resourceGroupName: where.resourceGroupName,
        location: where.location,
        kind: "StorageV2",
        sku: { name: r.sku },
        accessTier: "Hot",
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: r.sharedKeyAccess,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        allowedCopyScope: "AAD",
        isLocalUserEnabled: false,
        isSftpEnabled: false,
        publicNetworkAccess: r.publicNetworkAccess ? "Enabled" : "Disabled",
        networkRuleSet: {
          defaultAction: "Deny",
          bypass: "AzureServices",
          ipRules: r.allowedIpRanges.map((value) => ({ iPAddressOrRange: value, action: "Allow" })),
          virtualNetworkRules: [],
        },
        identity: { type: "UserAssigned", userAssignedIdentities: [this.identity.id] },
        encryption: {
          requireInfrastructureEncryption: true,
          keySource: "Microsoft.Keyvault",
          // No key version: the account follows the key's rotation. The key's name is handed over only
          // once the identity's grant is in force (propagation.ts).
          keyVaultProperties: { keyName: afterGrants([keyGrant], key.keyName), keyVaultUri: key.vaultUri },
          encryptionIdentity: { encryptionUserAssignedIdentity: this.identity.id },
          services: {
            blob: { enabled: true, keyType: "Account" },
            file: { enabled: true, keyType: "Account" },
            queue: { enabled: true, keyType: "Account" },
            table: { enabled: true, keyType: "Account" },
          },
        },
        tags: r.tags,
      },
      { parent: this, protect: r.protect, dependsOn: [keyGrant] },
    );
  }

  /**
   * The blob endpoint inside the network: a private endpoint in its `private` tier (in the network's region,
   * as Azure requires), and a DNS zone group that registers it in the network's Private Link zone.
   */
  private privateEndpoint(
    name: string,
    network: Network,
    r: ResolvedStorageAccountArgs,
    resourceGroupName: pulumi.Output<string>,
  ): void {
    const endpoint = new PrivateEndpoint(
      childName(name, "blob", "pe"),
      {
        resourceGroupName,
        location: network.location,
        subnet: { id: network.subnetId("private") },
        privateLinkServiceConnections: [
          { name: "blob", privateLinkServiceId: this.account.id, groupIds: ["blob"] },
        ],
        tags: r.tags,
      },
      { parent: this },
    );
    new PrivateDnsZoneGroup(
      childName(name, "blob", "dns"),
      {
        resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: [{ name: "blob", privateDnsZoneId: network.privateLinkZone("blob").zone.id }],
      },
      { parent: this },
    );
  }

  /** Soft delete for blobs and containers, and versioning; then the private containers. */
  private blobService(
    name: string,
    r: ResolvedStorageAccountArgs,
    resourceGroupName: pulumi.Output<string>,
  ): void {
    const retention = { enabled: true, days: r.softDeleteDays };
    const service = new BlobServiceProperties(
      childName(name, "blob"),
      {
        accountName: this.account.name,
        resourceGroupName,
        blobServicesName: "default",
        deleteRetentionPolicy: retention,
        containerDeleteRetentionPolicy: retention,
        isVersioningEnabled: true,
        changeFeed: { enabled: true, retentionInDays: r.softDeleteDays },
      },
      { parent: this },
    );
    for (const container of r.containers) {
      new BlobContainer(
        childName(name, container),
        { accountName: this.account.name, resourceGroupName, containerName: container, publicAccess: "None" },
        { parent: this, protect: r.protect, dependsOn: [service] },
      );
    }
  }

  /**
   * Lets a grantee list and read blobs: "Storage Blob Data Reader" on the account. The key needs no
   * grant: the account decrypts with its own identity. The child is `<name>-grant-<id>`.
   * @param id defaults to `<granteeName>-read`
   */
  grantRead(grantee: GranteeLike, id?: string): RoleAssignment {
    return this.grants.assign(grantee, "read", id, this.accountId, AZURE_ROLES.storageBlobDataReader);
  }

  /**
   * Lets a grantee read, write and delete blobs: "Storage Blob Data Contributor" on the account. The
   * child is `<name>-grant-<id>`.
   * @param id defaults to `<granteeName>-read-write`
   */
  grantReadWrite(grantee: GranteeLike, id?: string): RoleAssignment {
    return this.grants.assign(
      grantee,
      "readWrite",
      id,
      this.accountId,
      AZURE_ROLES.storageBlobDataContributor,
    );
  }
}
