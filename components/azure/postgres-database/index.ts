// PostgresDatabase (Azure): a PostgreSQL flexible server reached only through the network's delegated data
// subnet and a private DNS zone linked to the network, public access off, TLS required, Entra ID
// authentication (passwords off unless asked), backups from the profile (geo-redundant with a
// zone-redundant standby in prod), a customer-managed key through a user-assigned identity, diagnostics,
// and in prod a CanNotDelete lock next to `protect`.
import * as pulumi from "@pulumi/pulumi";
import { ManagementLockByScope, RoleAssignment } from "@pulumi/azure-native/authorization";
import {
  AdministratorsMicrosoftEntra,
  Configuration,
  Database,
  Server,
} from "@pulumi/azure-native/dbforpostgresql";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { Validator, childName, globalFittedNameArg } from "../../core";
import { PrivateEndpoint } from "../../core/endpoint";
import { outputProperties } from "../../core/component";
import { azureContext, wirePlacement } from "../common";
import { EncryptionKey } from "../encryption-key";
import { wireCmk } from "../cmk";
import { LinkedZone, linkedZone } from "../dns";
import { identityGrantee } from "../grants";
import { diagnostics, wireWorkspace } from "../logs";
import { afterGrants } from "../propagation";
import {
  PostgresDatabaseArgs,
  ResolvedPostgresDatabaseArgs,
  SERVER_NAMED,
  resolvePostgresDatabaseArgs,
} from "./args";
import { SERVER_PARAMETERS } from "./parameters";

export { PostgresAdministrator, PostgresDatabaseArgs } from "./args";

type Where = { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> };

/** A private, Entra-authenticated, key-encrypted PostgreSQL flexible server with one database. */
export class PostgresDatabase extends pulumi.ComponentResource {
  /** The server's resource id. */
  public readonly serverId: pulumi.Output<string>;
  /** The server's name. */
  public readonly serverName: pulumi.Output<string>;
  /** The host name clients connect to (resolved through the private DNS zone). */
  public readonly host: pulumi.Output<string>;
  /** The database created on the server. */
  public readonly databaseName: pulumi.Output<string>;
  /** The resource group the server is in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The workspace the diagnostics go to. */
  public readonly logWorkspaceId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /**
   * Where the server listens: its delegated subnet's range (the server's address comes from it) and 5432,
   * for a Kubernetes workload's `egress: [{ to: database }]`.
   */
  public readonly privateEndpoint: PrivateEndpoint;
  /** The raw server and the identity that reads its key. */
  public readonly server: Server;
  public readonly identity: UserAssignedIdentity;
  /** The identity, in the geo key's region, that reads the geo-backup key; with geo-redundant backups only. */
  public readonly geoBackupIdentity?: UserAssignedIdentity;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;

  constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.PostgresDatabase", name);
    const r = resolvePostgresDatabaseArgs(v, args, opts?.protect);
    super("groundwork:azure:PostgresDatabase", name, {}, opts);
    const where = wirePlacement(this, name, r.placement, r.tags);
    // The server cannot be created with its keys until its identities may use them.
    const workspace = wireWorkspace(this, name, r.workspace, { ...where, tags: r.tags, protect: r.protect });
    const cmk = wireCmk(this, name, r, where, workspace.id);
    this.encryptionKey = cmk.created;
    this.identity = cmk.identity;
    const geo = r.geoBackupEncryptionKey && this.geoIdentity(name, r, where, r.geoBackupEncryptionKey);
    this.geoBackupIdentity = geo?.identity;
    const zone = this.privateDns(name, r, where.resourceGroupName);
    this.server = this.makeServer(name, r, where, cmk.key, zone, [
      ...cmk.grants,
      ...(geo ? [geo.grant] : []),
    ]);
    this.serverSettings(name, r, where.resourceGroupName);
    diagnostics(this, "diagnostics", this.server.id, workspace.id, ["AllMetrics"]);
    // Deletion protection (staging and prod): Azure refuses to delete the server until the lock goes.
    if (r.deletionProtection)
      new ManagementLockByScope(
        childName(name, "lock"),
        {
          scope: this.server.id,
          level: "CanNotDelete",
          notes: "Groundwork: the database is protected in this environment.",
        },
        { parent: this },
      );

    this.serverId = this.server.id;
    this.serverName = this.server.name;
    this.host = this.server.fullyQualifiedDomainName.apply((h) => h ?? "");
    this.databaseName = pulumi.output(r.databaseName);
    this.resourceGroupName = where.resourceGroupName;
    this.logWorkspaceId = workspace.id;
    this.weakened = pulumi.output(r.weakened);
    // The delegated subnet's range, read from the Network's own subnet (a Network made elsewhere and
    // passed in has none to read, and then no range is known: an egress naming it fails closed).
    const dataSubnet = r.network.subnets?.data;
    this.privateEndpoint = {
      cidrs: dataSubnet
        ? dataSubnet.addressPrefix.apply((prefix) => (prefix === undefined ? [] : [prefix]))
        : pulumi.output([]),
      port: 5432,
      description: `azure.PostgresDatabase "${name}"`,
    };
    this.registerOutputs(outputProperties(this));
  }

  /**
   * Geo-redundant backups with a customer-managed key need a second identity, in the geo key's (paired)
   * region, that may use only that key: Azure refuses the primary identity there.
   */
  private geoIdentity(
    name: string,
    r: ResolvedPostgresDatabaseArgs,
    where: Where,
    geoKey: EncryptionKey,
  ): { identity: UserAssignedIdentity; grant: RoleAssignment } {
    const identity = new UserAssignedIdentity(
      childName(name, "geo-identity"),
      { resourceGroupName: where.resourceGroupName, location: geoKey.location, tags: r.tags },
      { parent: this, protect: r.protect },
    );
    return { identity, grant: geoKey.grantEncryptDecrypt(identityGrantee(`${name}-geo`, identity)) };
  }

  /** The private DNS zone the server registers in, linked to the network so its clients resolve it. */
  private privateDns(
    name: string,
    r: ResolvedPostgresDatabaseArgs,
    resourceGroupName: pulumi.Output<string>,
  ): LinkedZone {
    // A DNS label: the component name lowercased, anything else a hyphen.
    const label = name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
    return linkedZone(
      this,
      childName(name, "dns"),
      `${label}.private.postgres.database.azure.com`,
      { resourceGroupName, vnetId: r.network.vnetId },
      r.tags,
    );
  }

  /** The server: every value the SDK would fill in weakly on the client set explicitly. */
  private makeServer(
    name: string,
    r: ResolvedPostgresDatabaseArgs,
    where: Where,
    key: EncryptionKey,
    dns: LinkedZone,
    keyGrants: RoleAssignment[],
  ): Server {
    const geo = r.geoBackupEncryptionKey;
    return new Server(
      childName(name, "server"),
      {
        ...where,
        // Past 63 characters with the random part: a shortened name, hashed with the subscription.
        ...globalFittedNameArg("serverName", SERVER_NAMED, name, () =>
          azureContext(this).apply((c) => c.subscriptionId),
        ),
        version: r.engineVersion,
        sku: { name: r.skuName, tier: r.skuTier },
        // Azure grows the disk (autoGrow) and never shrinks it: the size is the first one, ignored after.
        storage: { storageSizeGB: r.storageGiB, autoGrow: "Enabled" },
        network: {
          delegatedSubnetResourceId: r.network.subnetId("data"),
          privateDnsZoneArmResourceId: dns.zone.id,
          publicNetworkAccess: "Disabled",
        },
        authConfig: {
          activeDirectoryAuth: "Enabled",
          passwordAuth: r.password ? "Enabled" : "Disabled",
          tenantId: azureContext(this).tenantId,
        },
        administratorLogin: r.password?.login,
        administratorLoginPassword: r.password ? pulumi.secret(r.password.password) : undefined,
        backup: {
          backupRetentionDays: r.backupRetentionDays,
          geoRedundantBackup: r.geoRedundantBackup ? "Enabled" : "Disabled",
        },
        highAvailability: { mode: r.multiAz ? "ZoneRedundant" : "Disabled" },
        // A map keyed by the identity's id here (an array on storage accounts).
        identity: {
          type: "UserAssigned",
          userAssignedIdentities: pulumi
            .all([this.identity.id, this.geoBackupIdentity?.id])
            .apply(([id, geoId]) => ({ [id]: {}, ...(geoId ? { [geoId]: {} } : {}) })),
        },
        dataEncryption: {
          type: "AzureKeyVault",
          // The versionless URI: the server follows the key's rotation. Handed over only once the
          // identities' grants are in force (propagation.ts).
          primaryKeyURI: afterGrants(keyGrants, key.keyUri),
          primaryUserAssignedIdentityId: this.identity.id,
          ...(geo && this.geoBackupIdentity
            ? {
                geoBackupKeyURI: afterGrants(keyGrants, geo.keyUri),
                geoBackupUserAssignedIdentityId: this.geoBackupIdentity.id,
              }
            : {}),
        },
        tags: r.tags,
      },
      {
        parent: this,
        protect: r.protect,
        dependsOn: [...keyGrants, dns.link],
        // Azure grows the disk; geo-redundancy is chosen at creation and never changes (facts/azure).
        ignoreChanges: ["storage.storageSizeGB", "backup.geoRedundantBackup"],
      },
    );
  }

  /**
   * The server parameters (TLS required, the CIS logging settings), the Entra administrators and the
   * database, one after the other: a flexible server takes one change at a time and answers a second one
   * with `ServerIsBusy` (docs/adr/0016-azure-first-deploy-ordering.md), so each child waits for the one
   * before, and the first for the server.
   */
  private serverSettings(
    name: string,
    r: ResolvedPostgresDatabaseArgs,
    resourceGroupName: pulumi.Output<string>,
  ): void {
    const server = { resourceGroupName, serverName: this.server.name };
    let previous: pulumi.Resource = this.server;
    const next = <R extends pulumi.Resource>(make: (after: pulumi.Resource) => R): R =>
      (previous = make(previous));
    for (const p of SERVER_PARAMETERS)
      next(
        (after) =>
          new Configuration(
            childName(name, p.child),
            { ...server, configurationName: p.name, value: p.value, source: "user-override" },
            { parent: this, dependsOn: [after] },
          ),
      );
    const tenantId = azureContext(this).tenantId;
    r.administrators.forEach((admin, i) => {
      // Named after the principal when it is plain text, so reordering the list replaces nothing.
      const id = typeof admin.principalName === "string" ? admin.principalName : String(i);
      next(
        (after) =>
          new AdministratorsMicrosoftEntra(
            childName(name, "admin", id.replace(/[^A-Za-z0-9-]/g, "-").toLowerCase()),
            { ...server, ...admin, tenantId },
            { parent: this, dependsOn: [after] },
          ),
      );
    });
    next(
      (after) =>
        new Database(
          childName(name, "db"),
          { ...server, databaseName: r.databaseName, charset: "UTF8", collation: "en_US.utf8" },
          { parent: this, protect: r.protect, dependsOn: [after] },
        ),
    );
  }
}
