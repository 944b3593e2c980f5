// EncryptionKey (Azure): a Key Vault that only RBAC governs (purge protection, 90-day soft delete, no
// public network access, network ACL default Deny with the trusted-services bypass customer-managed keys
// need) holding an RSA key that rotates and expires, its audit logs sent to a Log Analytics workspace.
// Services use it through role assignments.
import * as pulumi from "@pulumi/pulumi";
import { Key, Vault } from "@pulumi/azure-native/keyvault";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { Tags, Validator, childName, globalFittedNameArg } from "../../core";
import { outputProperties } from "../../core/component";
import { azureContext, wirePlacement } from "../common";
import { AzureGrants, GranteeLike } from "../grants";
import { diagnostics, wireWorkspace } from "../logs";
import { AZURE_ROLES } from "../roles";
import { EncryptionKeyArgs, ResolvedEncryptionKeyArgs, resolveEncryptionKeyArgs, vaultNamed } from "./args";

export { EncryptionKeyArgs } from "./args";

const DAY_SECONDS = 86_400;
/** The key's inputs ARM sets at creation only: ignored after (docs/adr/0017). */
export const KEY_FIXED_AT_CREATION = ["properties", "tags"] as const;
/** Days a version outlives its due rotation: rotation has that long to happen before the version expires. */
const EXPIRY_MARGIN_DAYS = 30;

/** A Key Vault with one rotating, expiring RSA key. */
export class EncryptionKey extends pulumi.ComponentResource {
  /** The vault's resource id. */
  public readonly vaultId: pulumi.Output<string>;
  /** The vault's name. */
  public readonly vaultName: pulumi.Output<string>;
  /** The vault's URI (`https://<name>.vault.azure.net/`), for CMK settings. */
  public readonly vaultUri: pulumi.Output<string>;
  /** The key's resource id: the scope of its role assignments. */
  public readonly keyId: pulumi.Output<string>;
  /** The key's name in the vault. */
  public readonly keyName: pulumi.Output<string>;
  /** The versionless key URI, so consumers follow rotation. */
  public readonly keyUri: pulumi.Output<string>;
  /** The resource group the vault is in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The vault's location. */
  public readonly location: pulumi.Output<string>;
  /** The location as given, when it was a plain string (for checks that need it before deployment). */
  public readonly locationName: string | undefined;
  /** The workspace the vault's diagnostics go to. */
  public readonly logWorkspaceId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw vault and key, for arguments that need the resources. */
  public readonly vault: Vault;
  public readonly key: Key;

  private readonly tagSet: Tags;
  private readonly grants: AzureGrants;

  constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.EncryptionKey", name);
    const r = resolveEncryptionKeyArgs(v, args, opts?.protect);
    super("groundwork:azure:EncryptionKey", name, {}, opts);
    this.tagSet = r.tags;
    this.grants = new AzureGrants(this, name, () => v);
    const where = wirePlacement(this, name, r.placement, r.tags);
    this.vault = new Vault(
      childName(name, "kv"),
      {
        // Past 24 characters with the random part: a shortened name, hashed with the subscription.
        ...globalFittedNameArg("vaultName", vaultNamed(), name, () =>
          azureContext(this).apply((c) => c.subscriptionId),
        ),
        resourceGroupName: where.resourceGroupName,
        location: where.location,
        properties: {
          tenantId: azureContext(this).tenantId,
          sku: { family: "A", name: "standard" },
          // Every value set: the SDK fills in access policies, public access "enabled" on the client.
          enableRbacAuthorization: true,
          enablePurgeProtection: true,
          enableSoftDelete: true,
          softDeleteRetentionInDays: 90,
          publicNetworkAccess: "Disabled",
          enabledForDeployment: false,
          enabledForDiskEncryption: false,
          enabledForTemplateDeployment: false,
          networkAcls: {
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [],
            virtualNetworkRules: [],
          },
        },
        tags: r.tags,
      },
      { parent: this, protect: r.protect },
    );
    this.key = this.makeKey(name, r, where.resourceGroupName);
    // Who used which key, and when: the vault's audit events and metrics, to the workspace.
    const workspace = wireWorkspace(this, name, r.workspace, { ...where, tags: r.tags, protect: r.protect });
    diagnostics(this, "kv-diagnostics", this.vault.id, workspace.id, ["AllMetrics"]);
    this.logWorkspaceId = workspace.id;
    this.vaultId = this.vault.id;
    this.vaultName = this.vault.name;
    this.vaultUri = this.vault.properties.apply((p) => p.vaultUri ?? "");
    this.keyId = this.key.id;
    this.keyName = this.key.name;
    this.keyUri = this.key.keyUri;
    this.resourceGroupName = where.resourceGroupName;
    this.location = where.location;
    this.locationName = typeof args.location === "string" ? args.location : undefined;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /** The key: RSA, rotated every `rotationDays`, each version expiring a margin after that. */
  private makeKey(name: string, r: ResolvedEncryptionKeyArgs, resourceGroupName: pulumi.Output<string>): Key {
    const lifetimeDays = r.rotationDays + EXPIRY_MARGIN_DAYS;
    // The first version's expiry is fixed at creation; later runs must not move it (the rotation
    // policy sets each new version's expiry), so the clock is read once.
    // From the start of the UTC day, so two runs of one day register the same value.
    const today = Math.floor(Date.now() / 1000 / DAY_SECONDS) * DAY_SECONDS;
    const expires = today + lifetimeDays * DAY_SECONDS;
    return new Key(
      childName(name, "key"),
      {
        resourceGroupName,
        vaultName: this.vault.name,
        properties: {
          kty: "RSA",
          keySize: r.keySize,
          keyOps: ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
          attributes: { enabled: true, exportable: false, expires },
          rotationPolicy: {
            attributes: { expiryTime: `P${lifetimeDays}D` },
            lifetimeActions: [
              { action: { type: "rotate" }, trigger: { timeAfterCreate: `P${r.rotationDays}D` } },
              { action: { type: "notify" }, trigger: { timeBeforeExpiry: `P${EXPIRY_MARGIN_DAYS}D` } },
            ],
          },
        },
        tags: r.tags,
      },
      // ARM creates a key once and never updates it ("does not update existing keys": Keys - Create If
      // Not Exist), so its properties and tags are ignored after creation rather than shown as a change
      // that never happens (docs/adr/0017-azure-key-properties-fixed-at-creation.md).
      { parent: this, protect: r.protect, ignoreChanges: [...KEY_FIXED_AT_CREATION] },
    );
  }

  /**
   * Lets a grantee (a managed identity, usually) get, wrap and unwrap with this key, as Azure services
   * need for customer-managed keys: the role "Key Vault Crypto Service Encryption User" on the key,
   * assigned to a service principal. The child is `<name>-grant-<id>`.
   * @param id defaults to `<granteeName>-encrypt-decrypt`
   */
  grantEncryptDecrypt(grantee: GranteeLike, id?: string): RoleAssignment {
    return this.grants.assign(
      grantee,
      "encryptDecrypt",
      id,
      this.keyId,
      AZURE_ROLES.keyVaultCryptoServiceEncryptionUser,
    );
  }

  /** The tags the key carries (for children that a caller adds next to it). */
  get tags(): Tags {
    return this.tagSet;
  }
}
