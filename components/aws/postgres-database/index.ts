// PostgresDatabase: RDS PostgreSQL in isolated subnets, private, encrypted with a customer key, TLS-only,
// IAM-authenticated, with a managed master password, logs exported to encrypted log groups, and
// backups, multi-AZ and deletion protection from the profile. Connectable: callers are let in after both
// exist with `database.connections.allowDefaultPortFrom(service)`, or named up front.
import * as pulumi from "@pulumi/pulumi";
import * as rds from "@pulumi/aws/rds";
import * as ec2 from "@pulumi/aws/ec2";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { Validator, childName, fittedNameArg, resolveProfile } from "../../core";
import { PG_NAME } from "../../core/database-settings";
import { PrivateEndpoint } from "../../core/endpoint";
import { awsContext, outputProperties } from "../common";
import { rdsConnectPolicy } from "../documents";
import { wireKey } from "../encryption";
import { carrySecretKey } from "../secret-keys";
import { Connectable, Connections, ingressRule } from "../connections";
import { AwsGrant, AwsGrants, GranteeLike, resolveGrantee } from "../grants";
import {
  DATABASE_NAMES,
  PostgresDatabaseArgs,
  RESERVED_USERS,
  ResolvedPostgresDatabaseArgs,
  resolvePostgresDatabaseArgs,
} from "./args";

export { PostgresDatabaseArgs } from "./args";

/** The PostgreSQL log types exported to CloudWatch Logs [CKV_AWS_129]. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/** The children the instance is wired to. */
interface Surroundings {
  readonly keyArn: pulumi.Output<string>;
  readonly logGroups: cloudwatch.LogGroup[];
  readonly subnetGroup: rds.SubnetGroup;
  readonly params: rds.ParameterGroup;
  readonly sg: ec2.SecurityGroup;
}

/** What `grantConnect` made: the managed policy, its attachment, and the database user it lets in. */
export interface AwsDatabaseGrant extends AwsGrant {
  /** The PostgreSQL user the grantee logs in as with an IAM authentication token. */
  readonly user: string;
}

/**
 * A private, encrypted RDS PostgreSQL instance.
 *
 * Day 2 (what a second `up` does, checked against the provider's own schema in tests/day2/aws.spec.ts):
 * - `instanceClass`, storage, `multiAz`, backups, log retention and tags update in place, during the `up`
 *   (`applyImmediately`); storage grows by itself up to `maxAllocatedStorageGiB`, never shrinks.
 * - `engineVersion` 16 → 17 upgrades in place: a new parameter group for the new family is created first,
 *   the instance moves to both in one modification, the old group is deleted after.
 * - `databaseName` and `masterUsername` exist at creation only (RDS cannot rename them): a change is
 *   ignored. To use other names, create a new PostgresDatabase and migrate.
 * - The encryption key cannot change under an instance: a different `encryptionKey` replaces the
 *   instance. `protect` (prod) and deletion protection (staging, prod) stop that replacement before
 *   anything is deleted; in dev, where the profile lets a database go, RDS takes the final snapshot
 *   (`<identifier>-final`) first. To move data to a new key, copy a snapshot with the new key and restore it.
 */
export class PostgresDatabase extends pulumi.ComponentResource implements Connectable {
  /** `host:port`. */
  public readonly endpoint: pulumi.Output<string>;
  /** The host name. */
  public readonly address: pulumi.Output<string>;
  /** The port. */
  public readonly port: pulumi.Output<number>;
  /** The RDS instance identifier. */
  public readonly identifier: pulumi.Output<string>;
  /** The instance ARN. */
  public readonly arn: pulumi.Output<string>;
  /** The database's security group; add it to nothing, open it with `connections`. */
  public readonly securityGroupId: pulumi.Output<string>;
  /**
   * The database's security group, default port 5432. After both exist,
   * `database.connections.allowDefaultPortFrom(service)` adds `<name>-ingress-<service>-5432` on it and the
   * matching egress on the service's tasks, children of the database; the same peer twice is an error.
   * `allowedSecurityGroupIds` still names callers at construction (`<name>-ingress-<index>`).
   */
  public readonly connections: Connections;
  /**
   * ARN of the Secrets Manager secret RDS manages for the master password (a JSON `username` and `password`),
   * encrypted with `keyArn`, rotated by RDS every 7 days. Handed to a `ContainerService`'s `secrets` (as it
   * is, or with a JSON key: `pulumi.interpolate\`${db.masterUserSecretArn}:password::\``), it brings the
   * grant to decrypt it with `keyArn`: no `secretKeyArns` needed. Always present: the component always has RDS
   * manage the password. For administrators and migrations; applications log in with `grantConnect`
   * (a task that read this secret at start fails to log in once RDS has rotated it).
   */
  public readonly masterUserSecretArn: pulumi.Output<string>;
  /** ARN of the key encrypting storage, secret, Performance Insights and logs. */
  public readonly keyArn: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The instance's resource id (`db-…`), which IAM database authentication policies name. */
  public readonly resourceId: pulumi.Output<string>;
  /** The raw instance. */
  public readonly instance: rds.Instance;

  private readonly grants: AwsGrants;
  private readonly masterUser: string;
  private readonly validator: Validator;
  private readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  private readonly ownName: string;
  private endpointMemo?: PrivateEndpoint;

  constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.PostgresDatabase", name);
    if (typeof args !== "object" || args === null)
      v.fail("args", args, "is missing", "an object with vpcId and subnetIds");
    const r = resolvePostgresDatabaseArgs(v, args, resolveProfile(v, args.environment), opts?.protect);
    super("groundwork:aws:PostgresDatabase", name, {}, opts);
    this.grants = new AwsGrants(this, name, () => v, r.tags);
    this.masterUser = r.masterUsername;
    this.validator = v;

    this.ownName = name;
    this.subnetIds = r.subnetIds;
    const around = this.surroundings(name, r);
    this.instance = this.database(name, r, around);
    this.endpoint = this.instance.endpoint;
    this.address = this.instance.address;
    this.port = this.instance.port;
    this.identifier = this.instance.identifier;
    this.arn = this.instance.arn;
    this.resourceId = this.instance.resourceId;
    this.securityGroupId = around.sg.id;
    // manageMasterUserPassword is always on, so RDS always returns the secret.
    this.masterUserSecretArn = this.instance.masterUserSecrets[0].secretArn;
    this.keyArn = around.keyArn;
    // A service handed the master secret (or a field of it) may decrypt it with this key, unasked.
    carrySecretKey(this.instance, around.keyArn);
    this.connections = new Connections({
      owner: this,
      name,
      validator: v,
      securityGroupId: around.sg.id,
      defaultPort: 5432,
      label: "PostgreSQL",
      tags: r.tags,
      reservedIds: r.allowedSecurityGroupIds.map((_, i) => String(i)),
    });
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * Where the instance listens: the address ranges of its subnets (a Multi-AZ failover moves it between
   * them) and 5432, for a Kubernetes workload's `egress: [{ to: database }]`. The ranges are read from the
   * subnets (`ec2.getSubnet`) the first time this is used.
   */
  get privateEndpoint(): PrivateEndpoint {
    this.endpointMemo ??= {
      cidrs: pulumi
        .output(this.subnetIds)
        .apply((ids) => pulumi.all(ids.map((id) => ec2.getSubnetOutput({ id }, { parent: this }).cidrBlock))),
      port: 5432,
      description: `aws.PostgresDatabase "${this.ownName}"`,
    };
    return this.endpointMemo;
  }

  /** The key, log groups, subnet group, TLS-only parameters and the security group with its ingress. */
  private surroundings(name: string, r: ResolvedPostgresDatabaseArgs): Surroundings {
    const parent = { parent: this };
    const tags = r.tags;
    const keyArn = wireKey(this, name, r.key, {
      environment: r.profile.environment,
      tags: r.callerTags,
      protect: r.protect,
    }).arn;
    const logGroups = POSTGRES_LOG_EXPORTS.map(
      (log) =>
        new cloudwatch.LogGroup(
          childName(name, log, "logs"),
          {
            name: `/aws/rds/instance/${r.identifier}/${log}`,
            retentionInDays: r.logRetentionDays,
            kmsKeyId: keyArn,
            tags,
          },
          { parent: this, protect: r.protect },
        ),
    );
    const subnetGroup = new rds.SubnetGroup(
      childName(name, "subnets"),
      {
        ...fittedNameArg("name", DATABASE_NAMES.subnets, name),
        subnetIds: r.subnetIds,
        description: `Isolated subnets of ${name}`,
        tags,
      },
      parent,
    );
    const params = new rds.ParameterGroup(
      childName(name, "params"),
      {
        ...fittedNameArg("name", DATABASE_NAMES.params, name),
        family: `postgres${r.majorVersion}`,
        description: `TLS-only, connection-logging parameters of ${name}`,
        parameters: [
          { name: "rds.force_ssl", value: "1" },
          { name: "log_connections", value: "1" },
          { name: "log_disconnections", value: "1" },
        ],
        tags,
      },
      parent,
    );
    const sg = new ec2.SecurityGroup(
      childName(name, "sg"),
      {
        ...fittedNameArg("name", DATABASE_NAMES.sg, name),
        vpcId: r.vpcId,
        description: `PostgreSQL ${name}: ingress from named groups only`,
        tags,
      },
      parent,
    );
    r.allowedSecurityGroupIds.forEach((source, i) =>
      ingressRule(this, childName(name, "ingress", i), {
        groupId: sg.id,
        peer: { referencedSecurityGroupId: source },
        port: 5432,
        description: "PostgreSQL from a named security group",
        tags,
      }),
    );
    return { keyArn, logGroups, subnetGroup, params, sg };
  }

  /** The instance: private, encrypted, TLS-only, IAM-authenticated, with an RDS-managed master secret. */
  private database(name: string, r: ResolvedPostgresDatabaseArgs, a: Surroundings): rds.Instance {
    return new rds.Instance(
      childName(name, "instance"),
      {
        identifier: r.identifier,
        engine: "postgres",
        // The major only: the provider keeps a prefix while RDS moves the minor (facts: engineVersion is
        // server-managed when it pins a minor).
        engineVersion: r.engineVersion,
        autoMinorVersionUpgrade: true,
        // Only a change of engineVersion's major upgrades; without this RDS refuses that change.
        allowMajorVersionUpgrade: true,
        applyImmediately: r.applyImmediately,
        engineLifecycleSupport: r.extendedSupport
          ? "open-source-rds-extended-support"
          : "open-source-rds-extended-support-disabled",
        instanceClass: r.instanceClass,
        allocatedStorage: r.allocatedStorageGiB,
        maxAllocatedStorage: r.maxAllocatedStorageGiB,
        storageType: "gp3",
        storageEncrypted: true,
        kmsKeyId: a.keyArn,
        dbName: r.databaseName,
        username: r.masterUsername,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: a.keyArn,
        iamDatabaseAuthenticationEnabled: true,
        port: 5432,
        dbSubnetGroupName: a.subnetGroup.name,
        vpcSecurityGroupIds: [a.sg.id],
        publiclyAccessible: false,
        parameterGroupName: a.params.name,
        multiAz: r.multiAz,
        backupRetentionPeriod: r.backupRetentionDays,
        deleteAutomatedBackups: false,
        copyTagsToSnapshot: true,
        deletionProtection: r.deletionProtection,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${r.identifier}-final`,
        enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
        // CloudWatch Database Insights (Standard) replaces the Performance Insights console, whose end of
        // life is 2026-07-31 (the date issue 26 gives; AWS's notice was not readable on this machine); it
        // reads the same Performance Insights data, kept 7 days at no charge. @pulumi/aws 7.48 has the field.
        databaseInsightsMode: "standard",
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: a.keyArn,
        performanceInsightsRetentionPeriod: 7,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        tags: r.tags,
      },
      {
        parent: this,
        protect: r.protect,
        dependsOn: a.logGroups,
        // Creation-only: RDS cannot rename the database or the master user, and keeps an instance's
        // Extended Support enrolment for its life (facts/aws/resources.json).
        ignoreChanges: ["dbName", "username", "engineLifecycleSupport"],
      },
    );
  }

  /**
   * Lets a grantee log in as its own PostgreSQL user with IAM database authentication: a managed policy
   * allowing `rds-db:connect` for exactly this instance (by resource id) and that user, attached to the
   * grantee's role (`<name>-grant-<id>`, `<name>-grant-<id>-attachment`). The application asks RDS for a
   * 15-minute token (`rds generate-db-auth-token`) instead of reading the master secret, which RDS
   * rotates every 7 days while ECS injects secrets only when a task starts. The user itself is created
   * inside PostgreSQL by the master user, once: `CREATE USER <user> WITH LOGIN; GRANT rds_iam TO <user>;`
   * and the table privileges it needs.
   * @param grantee a `ContainerService`, an `iam.Role` or `roleGrantee(name, roleArn)`
   * @param options.user the PostgreSQL user; defaults to the grantee's name with `-` as `_` (`api`)
   * @param options.id defaults to `<granteeName>-read-write`
   */
  grantConnect(
    grantee: GranteeLike,
    options: { readonly user?: string; readonly id?: string } = {},
  ): AwsDatabaseGrant {
    const v = this.validator;
    const granteeName = resolveGrantee(v, grantee).granteeName;
    const user = options.user ?? granteeName.replace(/[-.]/g, "_").toLowerCase();
    if (
      typeof user !== "string" ||
      !PG_NAME.test(user) ||
      RESERVED_USERS.includes(user.toLowerCase()) ||
      user.toLowerCase() === this.masterUser.toLowerCase()
    ) {
      v.fail(
        "grantConnect user",
        user,
        "is not a user an application may log in as",
        `1-63 letters, digits or _, starting with a letter, not the master user (${this.masterUser}) nor one of ${RESERVED_USERS.join(", ")}`,
      );
    }
    const policy = pulumi
      .all([awsContext(this), this.instance.resourceId])
      .apply(([c, resourceId]) => JSON.stringify(rdsConnectPolicy(c, resourceId, user)));
    return { ...this.grants.attach(grantee, "readWrite", options.id, policy), user };
  }
}
