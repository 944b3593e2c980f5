// PostgresDatabase: RDS PostgreSQL in isolated subnets, private, encrypted with a customer key, TLS-only,
// IAM-authenticated, with a managed master password, logs exported to encrypted log groups, and
// backups, multi-AZ and deletion protection from the profile.
import * as pulumi from "@pulumi/pulumi";
import * as rds from "@pulumi/aws/rds";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { Validator, childName, resolveProfile } from "../../core";
import { outputProperties } from "../common";
import { wireKey } from "../encryption";
import { PostgresDatabaseArgs, ResolvedPostgresDatabaseArgs, resolvePostgresDatabaseArgs } from "./args";

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
    const r = resolvePostgresDatabaseArgs(v, args, resolveProfile(v, args.environment), opts?.protect);
    super("groundwork:aws:PostgresDatabase", name, {}, opts);

    const around = this.surroundings(name, r);
    this.instance = this.database(name, r, around);
    this.endpoint = this.instance.endpoint;
    this.address = this.instance.address;
    this.port = this.instance.port;
    this.identifier = this.instance.identifier;
    this.arn = this.instance.arn;
    this.securityGroupId = around.sg.id;
    this.masterUserSecretArn = this.instance.masterUserSecrets.apply((s) => s?.[0]?.secretArn);
    this.keyArn = around.keyArn;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
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
      { subnetIds: r.subnetIds, description: `Isolated subnets of ${name}`, tags },
      parent,
    );
    const params = new rds.ParameterGroup(
      childName(name, "params"),
      {
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
      { vpcId: r.vpcId, description: `PostgreSQL ${name}: ingress from named groups only`, tags },
      parent,
    );
    r.allowedSecurityGroupIds.forEach(
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
    return { keyArn, logGroups, subnetGroup, params, sg };
  }

  /** The instance: private, encrypted, TLS-only, IAM-authenticated, with an RDS-managed master secret. */
  private database(name: string, r: ResolvedPostgresDatabaseArgs, a: Surroundings): rds.Instance {
    return new rds.Instance(
      childName(name, "instance"),
      {
        identifier: r.identifier,
        engine: "postgres",
        engineVersion: r.engineVersion,
        autoMinorVersionUpgrade: true,
        allowMajorVersionUpgrade: false,
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
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: a.keyArn,
        performanceInsightsRetentionPeriod: 7,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        tags: r.tags,
      },
      { parent: this, protect: r.protect, dependsOn: a.logGroups },
    );
  }
}
