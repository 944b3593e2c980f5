// PostgresDatabase: RDS PostgreSQL in isolated subnets, private, encrypted with a customer key, TLS-only,
// IAM-authenticated, with a managed master password, logs exported to encrypted log groups, and
// backups, multi-AZ and deletion protection from the profile.
import * as pulumi from "@pulumi/pulumi";
import * as rds from "@pulumi/aws/rds";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import {
  Environment,
  Tags,
  Validator,
  childName,
  knownValue,
  protectStateful,
  resolveProfile,
  shortHash,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../core";
import { awsTags } from "./tags";
import { AWS_SIZES } from "./sizes";
import { requireLogsService, withWeakened } from "./common";
import { EncryptionKey } from "./kms";

/** The PostgreSQL log types exported to CloudWatch Logs [CKV_AWS_129]. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/** Usernames PostgreSQL on RDS reserves. */
const RESERVED_USERS = ["postgres", "rdsadmin", "rdsrepladmin", "admin", "root", "public"];

export interface PostgresDatabaseArgs {
  /**
   * Environment profile: instance size, storage, backups, multi-AZ, deletion protection, log retention
   * and `protect` on the stateful children.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /** The VPC the database lives in (its security group is created there). */
  readonly vpcId: pulumi.Input<string>;
  /** Subnets for the DB subnet group: the network's isolated tier, at least two zones. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Security groups whose members may connect on the database port; no one else can.
   * @default - none: nothing can connect until a group is named
   */
  readonly allowedSecurityGroupIds?: pulumi.Input<string>[];
  /**
   * PostgreSQL major version, 14 to 17; minor versions are upgraded automatically.
   * @default "16"
   */
  readonly engineVersion?: string;
  /**
   * Instance class, `db.<family>.<size>`.
   * @default - the profile's: db.t4g.micro (dev), db.t4g.medium (staging), db.r6g.large (prod)
   */
  readonly instanceClass?: string;
  /**
   * Initial storage in GiB (gp3).
   * @default - the profile's: 20 (dev), 50 (staging), 100 (prod)
   */
  readonly allocatedStorageGiB?: number;
  /**
   * Storage autoscaling ceiling in GiB.
   * @default - the profile's: 50 (dev), 200 (staging), 1000 (prod)
   */
  readonly maxAllocatedStorageGiB?: number;
  /**
   * The initial database.
   * @default "app"
   */
  readonly databaseName?: string;
  /**
   * The master username; its password is generated and kept in Secrets Manager by RDS.
   * @default "groundwork"
   */
  readonly masterUsername?: string;
  /**
   * Automated backup retention in days, 1 to 35. Below the profile's is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 7 (dev), 14 (staging), 30 (prod)
   */
  readonly backupRetentionDays?: number;
  /**
   * A standby in a second zone. `false` where the profile turns it on is a weakened default, recorded
   * in the `groundwork-weakened` tag and the `weakened` output.
   * @default - false in dev, true in staging and prod
   */
  readonly multiAz?: boolean;
  /**
   * RDS deletion protection. `false` where the profile turns it on is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default - false in dev, true in staging and prod
   */
  readonly deletionProtection?: boolean;
  /**
   * Retention of the exported PostgreSQL logs. Below the profile's is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Customer-managed key for storage, the master secret, Performance Insights and the log groups: an
   * `EncryptionKey` whose `services` include `"logs"`, or a key ARN (whose policy must let CloudWatch
   * Logs use it).
   * @default - a new `EncryptionKey` named `<name>-key`
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on the instance, key and log groups. `false` where the profile protects (prod) is
   * a weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** A private, encrypted RDS PostgreSQL instance. */
export class PostgresDatabase extends pulumi.ComponentResource {
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
  /** The database's security group; add it to nothing, name callers in `allowedSecurityGroupIds`. */
  public readonly securityGroupId: pulumi.Output<string>;
  /** ARN of the Secrets Manager secret RDS manages for the master password. */
  public readonly masterUserSecretArn: pulumi.Output<string | undefined>;
  /** ARN of the key encrypting storage, secret, Performance Insights and logs. */
  public readonly keyArn: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw instance. */
  public readonly instance: rds.Instance;

  constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.PostgresDatabase", name);
    if (typeof args !== "object" || args === null)
      v.fail("args", args, "is missing", "an object with vpcId and subnetIds");
    const profile = resolveProfile(v, args.environment);
    const baseTags = awsTags(v, {
      environment: profile.environment,
      component: "aws.PostgresDatabase",
      tags: args.tags,
    });
    v.required("vpcId", args.vpcId, "the id of the VPC (vpc-...)");
    v.matches("vpcId", args.vpcId, /^vpc-[0-9a-f]{8,17}$/, "a VPC id (vpc-...)");
    v.required("subnetIds", args.subnetIds, "the network's isolated subnet ids, at least two zones");
    const knownSubnets = knownValue(args.subnetIds);
    if (Array.isArray(knownSubnets)) v.listLength("subnetIds", knownSubnets, 2, 16);
    else if (knownSubnets !== undefined)
      v.fail("subnetIds", knownSubnets, "is not a list", "a list of subnet ids");
    const allowed = args.allowedSecurityGroupIds ?? [];
    if (!Array.isArray(allowed))
      v.fail("allowedSecurityGroupIds", allowed, "is not a list", "a list of security group ids (sg-...)");
    allowed.forEach((id, i) =>
      v.matches(`allowedSecurityGroupIds[${i}]`, id, /^sg-[0-9a-f]{8,17}$/, "a security group id (sg-...)"),
    );
    const engineVersion = args.engineVersion ?? "16";
    if (typeof engineVersion !== "string" || !/^(1[4-7])(\.\d+)?$/.test(engineVersion)) {
      v.fail(
        "engineVersion",
        engineVersion,
        "is not a supported PostgreSQL version",
        'a major version from "14" to "17", optionally with a minor ("16.4")',
      );
    }
    const major = engineVersion.split(".")[0];
    const instanceClass = args.instanceClass ?? AWS_SIZES[profile.environment].databaseInstanceClass;
    if (typeof instanceClass !== "string" || !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) {
      v.fail(
        "instanceClass",
        instanceClass,
        "is not an RDS instance class",
        "db.<family>.<size>, e.g. db.t4g.micro",
      );
    }
    const storage = v.integer(
      "allocatedStorageGiB",
      args.allocatedStorageGiB,
      20,
      65536,
      AWS_SIZES[profile.environment].databaseStorageGiB,
    );
    const maxStorage = v.integer(
      "maxAllocatedStorageGiB",
      args.maxAllocatedStorageGiB,
      storage,
      65536,
      Math.max(storage, AWS_SIZES[profile.environment].databaseMaxStorageGiB),
    );
    const databaseName = args.databaseName ?? "app";
    if (typeof databaseName !== "string" || !/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/.test(databaseName)) {
      v.fail(
        "databaseName",
        databaseName,
        "is not a valid database name",
        "1-63 letters, digits or _, starting with a letter",
      );
    }
    const username = args.masterUsername ?? "groundwork";
    if (
      typeof username !== "string" ||
      !/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/.test(username) ||
      RESERVED_USERS.includes(username.toLowerCase())
    ) {
      v.fail(
        "masterUsername",
        username,
        "is not a usable master username",
        `1-63 letters, digits or _, starting with a letter, not one of ${RESERVED_USERS.join(", ")}`,
      );
    }
    const backups = v.integer(
      "backupRetentionDays",
      args.backupRetentionDays,
      1,
      35,
      profile.backupRetentionDays,
    );
    const multiAz = v.boolean("multiAz", args.multiAz, profile.highAvailability);
    const deletionProtection = v.boolean(
      "deletionProtection",
      args.deletionProtection,
      profile.deletionProtection,
    );
    const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
    if (typeof args.encryptionKey === "string") {
      v.matches(
        "encryptionKey",
        args.encryptionKey,
        /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
        "a KMS key ARN or an EncryptionKey",
      );
    }
    if (args.encryptionKey instanceof EncryptionKey) requireLogsService(v, args.encryptionKey);
    const protect = protectStateful(
      profile,
      v.boolean("protect", args.protect, profile.protect),
      opts?.protect,
    );
    // A stable identifier lets the log groups exist (with retention and KMS) before RDS would create them.
    const identifier = `${name
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 50)}-${shortHash(`${pulumi.getProject()}/${pulumi.getStack()}/${name}`)}`;
    if (!/^[a-z]/.test(identifier)) {
      v.fail("name", name, "cannot form an RDS identifier", "a component name starting with a letter");
    }
    const weakened = weakenedAgainstProfile(profile, {
      multiAz,
      backupRetentionDays: backups,
      logRetentionDays: retention,
      deletionProtection,
      protect,
    });
    const tags = withWeakened(baseTags, weakened);

    super("groundwork:aws:PostgresDatabase", name, {}, opts);
    const parent = { parent: this };

    let keyArn: pulumi.Output<string>;
    if (args.encryptionKey === undefined) {
      keyArn = new EncryptionKey(
        childName(name, "key"),
        {
          environment: profile.environment,
          tags: args.tags,
          services: ["logs"],
          description: `Encrypts database ${name}`,
          protect,
        },
        parent,
      ).arn;
    } else {
      keyArn =
        args.encryptionKey instanceof EncryptionKey
          ? args.encryptionKey.arn
          : pulumi.output(args.encryptionKey);
    }

    const logGroups = POSTGRES_LOG_EXPORTS.map(
      (log) =>
        new cloudwatch.LogGroup(
          childName(name, log, "logs"),
          {
            name: `/aws/rds/instance/${identifier}/${log}`,
            retentionInDays: retention,
            kmsKeyId: keyArn,
            tags,
          },
          { parent: this, protect },
        ),
    );

    const subnetGroup = new rds.SubnetGroup(
      childName(name, "subnets"),
      { subnetIds: args.subnetIds, description: `Isolated subnets of ${name}`, tags },
      parent,
    );
    const params = new rds.ParameterGroup(
      childName(name, "params"),
      {
        family: `postgres${major}`,
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
      { vpcId: args.vpcId, description: `PostgreSQL ${name}: ingress from named groups only`, tags },
      parent,
    );
    allowed.forEach(
      (source, i) =>
        new vpc.SecurityGroupIngressRule(
          childName(name, "ingress", i),
          {
            securityGroupId: sg.id,
            referencedSecurityGroupId: source,
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            description: "PostgreSQL from a named security group",
            tags,
          },
          parent,
        ),
    );

    this.instance = new rds.Instance(
      childName(name, "instance"),
      {
        identifier,
        engine: "postgres",
        engineVersion,
        autoMinorVersionUpgrade: true,
        allowMajorVersionUpgrade: false,
        instanceClass,
        allocatedStorage: storage,
        maxAllocatedStorage: maxStorage,
        storageType: "gp3",
        storageEncrypted: true,
        kmsKeyId: keyArn,
        dbName: databaseName,
        username,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: keyArn,
        iamDatabaseAuthenticationEnabled: true,
        port: 5432,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [sg.id],
        publiclyAccessible: false,
        parameterGroupName: params.name,
        multiAz,
        backupRetentionPeriod: backups,
        deleteAutomatedBackups: false,
        copyTagsToSnapshot: true,
        deletionProtection,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${identifier}-final`,
        enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: keyArn,
        performanceInsightsRetentionPeriod: 7,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        tags,
      },
      { parent: this, protect, dependsOn: logGroups },
    );

    this.endpoint = this.instance.endpoint;
    this.address = this.instance.address;
    this.port = this.instance.port;
    this.identifier = this.instance.identifier;
    this.arn = this.instance.arn;
    this.securityGroupId = sg.id;
    this.masterUserSecretArn = this.instance.masterUserSecrets.apply((s) => s?.[0]?.secretArn);
    this.keyArn = keyArn;
    this.weakened = pulumi.output(weakened);
    this.registerOutputs({
      endpoint: this.endpoint,
      address: this.address,
      port: this.port,
      identifier: this.identifier,
      arn: this.arn,
      securityGroupId: this.securityGroupId,
      masterUserSecretArn: this.masterUserSecretArn,
      keyArn: this.keyArn,
      weakened: this.weakened,
    });
  }
}
