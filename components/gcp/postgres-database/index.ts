// PostgresDatabase: Cloud SQL for PostgreSQL on a private IP only, TLS required, backups with
// point-in-time recovery, regional in staging and prod, deletion protection on both sides, CMEK through
// the Cloud SQL service identity, IAM database authentication and connection logging.
import * as pulumi from "@pulumi/pulumi";
import { Database } from "@pulumi/gcp/sql/database";
import { DatabaseInstance, DatabaseInstanceArgs } from "@pulumi/gcp/sql/databaseInstance";
import { User } from "@pulumi/gcp/sql/user";
import { IAMMember } from "@pulumi/gcp/projects/iammember";
import { Validator, childName, resolveProfile } from "../../core";
import { gcpFittedName } from "../naming";
import { PrivateEndpoint } from "../../core/endpoint";
import { childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import { wireKey } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { GcpGrantee, GcpGrants } from "../grants";
import { PostgresDatabaseArgs, ResolvedPostgresDatabaseArgs, resolvePostgresDatabaseArgs } from "./args";

export { PostgresDatabaseArgs, SQL_SSL_MODES, SqlSslMode } from "./args";

/**
 * The flags every instance sets: the CIS Google Cloud Foundations Benchmark v3.0.0 section 6.2 logging
 * flags (values as the benchmark asks; https://www.tenable.com/audits/items/CIS_Google_Cloud_Platform_v3.0.0_L1.audit
 * and _L2.audit carry the items' text), checkpoint and lock-wait logging, and IAM database authentication.
 * Every one is a supported Cloud SQL for PostgreSQL flag on PostgreSQL 14 to 17 in both editions
 * (https://cloud.google.com/sql/docs/postgres/flags); `cloudsql.enable_pgaudit` loads pgAudit
 * (https://cloud.google.com/sql/docs/postgres/pg-audit) and restarts the instance when it is first set.
 */
export const POSTGRES_FLAGS: readonly { readonly name: string; readonly value: string }[] = [
  // CIS 6.2.1 (L2): DEFAULT or stricter.
  { name: "log_error_verbosity", value: "default" },
  // CIS 6.2.2 and 6.2.3 [CKV_GCP_52, CKV_GCP_53].
  { name: "log_connections", value: "on" },
  { name: "log_disconnections", value: "on" },
  // CIS 6.2.4 (L2): `ddl` unless the organisation's logging policy says otherwise [CKV_GCP_107].
  { name: "log_statement", value: "ddl" },
  // CIS 6.2.5: WARNING at least [CKV_GCP_55].
  { name: "log_min_messages", value: "warning" },
  // CIS 6.2.6: ERROR or stricter [CKV_GCP_109].
  { name: "log_min_error_statement", value: "error" },
  // CIS 6.2.7: -1, since a logged slow statement may carry sensitive values [CKV_GCP_57].
  { name: "log_min_duration_statement", value: "-1" },
  // CIS 6.2.8: pgAudit on [CKV_GCP_110]; it records role and schema changes with the objects they touch.
  // Reads and writes are left to each database (`ALTER DATABASE … SET pgaudit.log`), as their volume is the
  // application's to judge; audit records wait on the instance's disk, which grows (diskAutoresize).
  { name: "cloudsql.enable_pgaudit", value: "on" },
  { name: "pgaudit.log", value: "ddl,role" },
  // [CKV_GCP_51, CKV_GCP_54].
  { name: "log_checkpoints", value: "on" },
  { name: "log_lock_waits", value: "on" },
  { name: "cloudsql.iam_authentication", value: "on" },
];

/** The database user types of IAM members, by member prefix. */
const IAM_USER_TYPES: { readonly [prefix: string]: string } = {
  serviceAccount: "CLOUD_IAM_SERVICE_ACCOUNT",
  user: "CLOUD_IAM_USER",
  group: "CLOUD_IAM_GROUP",
};

/** Point-in-time recovery keeps at most 7 days of transaction logs on the Enterprise edition. */
const MAX_LOG_DAYS = 7;

function settings(r: ResolvedPostgresDatabaseArgs): DatabaseInstanceArgs["settings"] {
  return {
    tier: r.tier,
    edition: "ENTERPRISE",
    availabilityType: r.multiAz ? "REGIONAL" : "ZONAL",
    diskType: "PD_SSD",
    diskSize: r.diskSizeGb,
    diskAutoresize: true,
    diskAutoresizeLimit: r.maxDiskSizeGb,
    deletionProtectionEnabled: r.deletionProtection,
    userLabels: r.labels,
    databaseFlags: POSTGRES_FLAGS.map((f) => ({ ...f })),
    ipConfiguration: {
      ipv4Enabled: false,
      privateNetwork: r.placement.networkId,
      sslMode: r.sslMode,
    },
    backupConfiguration: {
      enabled: true,
      pointInTimeRecoveryEnabled: true,
      startTime: "03:00",
      transactionLogRetentionDays: Math.min(r.backupRetentionDays, MAX_LOG_DAYS),
      backupRetentionSettings: { retainedBackups: r.backupRetentionDays, retentionUnit: "COUNT" },
    },
    insightsConfig: { queryInsightsEnabled: true },
    maintenanceWindow: { day: 7, hour: 3 },
  };
}

/**
 * A private, encrypted, backed-up Cloud SQL for PostgreSQL instance and its database.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.PostgresDatabase`): cloudkms, compute,
 * servicenetworking, sqladmin (`*.googleapis.com`). Enable them (`ProjectApis`) and pass them as
 * `dependsOn`: every child waits for the component's own `dependsOn`.
 */
export class PostgresDatabase extends pulumi.ComponentResource {
  /** The instance name. */
  public readonly instanceName: pulumi.Output<string>;
  /** `<project>:<region>:<instance>`, as the Cloud SQL connectors take it. */
  public readonly connectionName: pulumi.Output<string>;
  /** The private IP address. */
  public readonly privateIpAddress: pulumi.Output<string>;
  /** The database created in the instance. */
  public readonly databaseName: pulumi.Output<string>;
  /** The crypto key id that encrypts the instance. */
  public readonly keyId: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /**
   * Where the instance listens: its private address (`/32`) and 5432, for a Kubernetes workload's
   * `egress: [{ to: database }]`.
   */
  public readonly privateEndpoint: PrivateEndpoint;
  /** The raw instance, for arguments that need the resource. */
  public readonly instance: DatabaseInstance;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;

  private readonly grants: GcpGrants;
  /** What every child waits for: the component's own `dependsOn` (the project's APIs). */
  private readonly after: pulumi.Input<pulumi.Resource>[];

  constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.PostgresDatabase", name);
    const r = resolvePostgresDatabaseArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:gcp:PostgresDatabase", name, {}, opts);
    this.grants = new GcpGrants(name, () => v);
    this.after = dependsOnOf(opts);
    const region = r.placement.region ?? regionOf(this, undefined);
    const key = wireKey(this, name, r.key, "sql", {
      environment: r.profile.environment,
      labels: r.callerLabels,
      protect: r.protect,
      location: region,
      after: this.after,
    });
    this.encryptionKey = key.created;
    // The Cloud SQL identity must hold the key, and the private services connection must exist, before
    // the instance is created, or creation fails.
    this.instance = new DatabaseInstance(
      childName(name, "instance"),
      {
        ...gcpFittedName(name, "instance"),
        region,
        databaseVersion: r.databaseVersion,
        encryptionKeyName: key.keyId,
        deletionProtection: r.deletionProtection,
        settings: settings(r),
      },
      childOptions(this, this.after, {
        protect: r.protect,
        dependsOn: [key.agentGrant, ...r.placement.waitFor],
        // Cloud SQL grows the disk (diskAutoresize); the configured size would then ask for a shrink on
        // every later `up`, which the provider turns into a new instance when autoresize is off
        // (facts/gcp/resources.json, settings.diskSize). `diskSizeGb` is the size at creation.
        ignoreChanges: ["settings.diskSize"],
      }),
    );
    // Dropping a PostgreSQL database fails while roles own objects in it; the instance takes it along.
    const database = new Database(
      childName(name, "db"),
      { instance: this.instance.name, name: r.databaseName, deletionPolicy: "ABANDON" },
      childOptions(this, this.after, { protect: r.protect }),
    );
    this.instanceName = this.instance.name;
    this.connectionName = this.instance.connectionName;
    this.privateIpAddress = this.instance.privateIpAddress;
    this.privateEndpoint = {
      cidrs: this.instance.privateIpAddress.apply((ip) => (ip ? [`${ip}/32`] : [])),
      port: 5432,
      description: `gcp.PostgresDatabase "${name}"`,
    };
    this.databaseName = database.name;
    this.keyId = key.keyId;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * Lets a grantee log in with IAM database authentication: a database user for its identity
   * (`<name>-grant-<id>`), and `cloudsql.client` and `cloudsql.instanceUser` on the project, each limited
   * by an IAM condition to this instance (`<name>-grant-<id>-client`, `-instance-user`). Table privileges
   * are then granted inside PostgreSQL.
   * @param grantee a `ContainerService` or `serviceAccountGrantee(name, email)`
   * @param id defaults to `<granteeName>-read-write`
   */
  grantConnect(grantee: GcpGrantee, id?: string): User {
    return this.grants.attach(grantee, "readWrite", id, (child, member) => {
      const identity = pulumi.output(member).apply((m) => {
        const [prefix, email] = [m.slice(0, m.indexOf(":")), m.slice(m.indexOf(":") + 1)];
        const type = IAM_USER_TYPES[prefix];
        if (type === undefined)
          throw new Error(`gcp.PostgresDatabase grantConnect: ${m} cannot log in to Cloud SQL`);
        // Cloud SQL names a service account's user by its email without the domain suffix.
        return { type, name: email.replace(/\.gserviceaccount\.com$/, "") };
      });
      const onInstance = {
        title: "this instance only",
        expression: pulumi.interpolate`resource.name == "projects/${this.instance.project}/instances/${this.instance.name}"`,
      };
      for (const [suffix, role] of [
        ["client", "roles/cloudsql.client"],
        ["instance-user", "roles/cloudsql.instanceUser"],
      ]) {
        new IAMMember(
          `${child}-${suffix}`,
          { project: this.instance.project, role, member, condition: onInstance },
          childOptions(this, this.after),
        );
      }
      // Dropping a user that owns objects fails; with the IAM roles gone it can no longer log in anyway.
      return new User(
        child,
        { instance: this.instance.name, name: identity.name, type: identity.type, deletionPolicy: "ABANDON" },
        childOptions(this, this.after),
      );
    });
  }
}
