// AWS RDS rules: databases (instances, and Aurora or Multi-AZ DB clusters) are private, encrypted under a
// customer-managed key, reached over TLS with IAM authentication, backed up, logged, and resilient in prod.
// A cluster's storage, backups and logs are the cluster's; reachability and minor versions are its
// instances'. Read replicas inherit storage settings from their source, so the storage rules skip them.
import type { ClusterArgs, ClusterInstanceArgs, InstanceArgs, ParameterGroupArgs } from "@pulumi/aws/rds";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, inputsOf, onInputs, oneOrMany, propsOf, record } from "../../runtime/props";
import { eachOf, isOfType, ofTypes, referenced, referrers } from "../../runtime/links";
import { isSet } from "../../runtime/unknowns";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";
import { T } from "./resource-types";

/** The inputs instances and clusters share, under the same names: what the storage and backup rules read. */
type DatabaseArgs = Pick<InstanceArgs, keyof InstanceArgs & keyof ClusterArgs>;
type Database = Inputs<DatabaseArgs>;

/** Instances and clusters: each owns its storage, backups, logs and snapshots. */
const DATABASES = [...T.dbInstance, ...T.dbCluster];

/** What runs the engine: instances and the instances of a cluster (reachable, patched). */
const DB_HOSTS = [...T.dbInstance, ...T.dbClusterInstance];

const isCluster = (args: ResourceValidationArgs): boolean => isOfType(args, T.dbCluster);

/** The database's inputs, or undefined for other types and for read replicas (their storage is their source's). */
function primaryDatabase(args: ResourceValidationArgs): Database | undefined {
  const db = inputsOf<DatabaseArgs>(args, DATABASES);
  if (!db) return undefined;
  // isSet: a source named by another resource's output is unknown in preview, yet certainly set.
  const replica = isSet(args.props, "replicateSourceDb") || isSet(args.props, "replicationSourceIdentifier");
  return replica ? undefined : db;
}

/** Whether storage is encrypted: Aurora Serverless v1 clusters are always, and default `storageEncrypted` to true. */
function storageEncrypted(args: ResourceValidationArgs, db: Database): boolean {
  if (db.storageEncrypted === undefined && isCluster(args))
    return inputsOf<ClusterArgs>(args, T.dbCluster)?.engineMode === "serverless";
  return db.storageEncrypted === true;
}

export const rdsRules: ResourceRule[] = [
  {
    name: "aws-rds-not-public",
    area: "aws",
    severity: "critical",
    description: "RDS instances, and the instances of Aurora clusters, must not be publicly accessible.",
    remediationSteps:
      "Set `publiclyAccessible: false` and place the instance in private or isolated subnets.",
    references: ["CKV_AWS_17", "CIS AWS 2.3.3", "AWS FSBP RDS.2"],
    validateResource: onInputs<{ publiclyAccessible?: boolean }>(DB_HOSTS, (db, report) => {
      if (db.publiclyAccessible === true) report("publiclyAccessible is true");
    }),
  },
  {
    name: "aws-rds-encrypted",
    area: "aws",
    severity: "high",
    description:
      "RDS instance and cluster storage is encrypted (RDS leaves it unencrypted unless asked), under a customer-managed " +
      "KMS key; `customerManagedKey: false` accepts the AWS-managed key aws/rds.",
    remediationSteps: "Set `storageEncrypted: true` and `kmsKeyId` to a rotating customer-managed key.",
    references: [
      "CKV_AWS_16",
      "CKV_AWS_96",
      "CKV_AWS_327",
      "CIS AWS 2.3.1",
      "AWS FSBP RDS.3",
      "AWS FSBP RDS.27",
    ],
    types: DATABASES,
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource(args, report) {
      const db = primaryDatabase(args);
      if (!db) return;
      if (!storageEncrypted(args, db)) {
        report("storageEncrypted is not true: the storage, its backups and snapshots are unencrypted");
        return;
      }
      const wanted = asksForKey(args, record(db.tags).environment);
      if (wanted && !namesCustomerKey(args.props, "kmsKeyId"))
        report(
          `kmsKeyId is not a customer-managed key: the storage uses the AWS-managed key aws/rds; ${CMK_KNOB_HINT}`,
        );
    },
  },
  {
    name: "aws-rds-managed-password",
    area: "aws",
    severity: "high",
    description:
      "RDS master passwords (instances and clusters) are managed by Secrets Manager, never written in the " +
      "program or state.",
    remediationSteps:
      "Set `manageMasterUserPassword: true` and remove `password` (`masterPassword` on clusters).",
    references: ["Groundwork BASELINE AWS Database"],
    types: DATABASES,
    validateResource(args, report) {
      const db = primaryDatabase(args);
      if (!db) return;
      const [user, password] = isCluster(args)
        ? ["masterUsername", "masterPassword"]
        : ["username", "password"];
      if (isSet(args.props, password)) report(`a literal master password is set (${password})`);
      // Restored from a snapshot, or a global database's secondary: no master user is created here.
      else if (isSet(args.props, user) && db.manageMasterUserPassword !== true)
        report("manageMasterUserPassword is not true");
    },
  },
  {
    name: "aws-rds-iam-auth",
    area: "aws",
    severity: "medium",
    description: "RDS instances and clusters enable IAM database authentication.",
    remediationSteps: "Set `iamDatabaseAuthenticationEnabled: true`.",
    references: ["CKV_AWS_161", "CKV_AWS_162", "AWS FSBP RDS.10", "AWS FSBP RDS.12"],
    validateResource: onInputs<DatabaseArgs>(DATABASES, (db, report) => {
      if (db.iamDatabaseAuthenticationEnabled !== true)
        report("iamDatabaseAuthenticationEnabled is not true");
    }),
  },
  {
    name: "aws-rds-backups",
    area: "aws",
    severity: "medium",
    description: "RDS instances and clusters keep automated backups for at least the minimum retention.",
    remediationSteps: "Set `backupRetentionPeriod` (dev 7, prod 30 days) and keep a final snapshot.",
    references: ["CKV_AWS_133", "AWS FSBP RDS.11"],
    configSchema: {
      properties: {
        minimumBackupRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 35,
          default: 7,
          description: "Shortest backup retention accepted.",
        },
      },
    },
    types: DATABASES,
    validateResource(args, report) {
      const db = primaryDatabase(args);
      if (!db) return;
      const min = args.getConfig<{ minimumBackupRetentionDays?: number }>().minimumBackupRetentionDays ?? 7;
      if (db.backupRetentionPeriod === undefined) {
        // CreateDBInstance / CreateDBCluster: "Default: 1" when BackupRetentionPeriod is omitted
        // (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html).
        if (min > 1)
          report(
            `backupRetentionPeriod is not set: RDS then keeps 1 day of automated backups (at least ${min})`,
          );
      } else {
        const days = Number(db.backupRetentionPeriod);
        if (days < min) report(`backupRetentionPeriod is ${days} (at least ${min})`);
      }
      if (db.skipFinalSnapshot === true) report("skipFinalSnapshot is true");
    },
  },
  {
    name: "aws-rds-log-exports",
    area: "aws",
    severity: "low",
    description: "RDS instances and clusters export their engine logs to CloudWatch.",
    remediationSteps:
      'Set `enabledCloudwatchLogsExports` (PostgreSQL: ["postgresql"]; Aurora MySQL: ["audit", "error"]).',
    references: ["CKV_AWS_129", "CKV_AWS_324"],
    validateResource: onInputs<DatabaseArgs>(DATABASES, (db, report) => {
      if (oneOrMany(db.enabledCloudwatchLogsExports).length === 0)
        report("enabledCloudwatchLogsExports is empty");
    }),
  },
  {
    name: "aws-rds-prod-resilience",
    area: "aws",
    severity: "medium",
    description:
      "Production RDS databases (tag environment=prod) have deletion protection, and instances are multi-AZ.",
    remediationSteps:
      "Set `deletionProtection: true` on production instances and clusters, and `multiAz: true` on instances.",
    references: ["CKV_AWS_157", "CKV_AWS_293", "CKV_AWS_139", "AWS FSBP RDS.7", "AWS FSBP RDS.8"],
    types: DATABASES,
    validateResource(args, report) {
      const db = inputsOf<DatabaseArgs>(args, DATABASES);
      if (!db || record(db.tags)["environment"] !== "prod") return;
      // An Aurora cluster is multi-AZ through its instances, not a flag: see the cluster's instances.
      if (!isCluster(args) && inputsOf<InstanceArgs>(args, T.dbInstance)?.multiAz !== true)
        report("multiAz is not true in prod");
      if (db.deletionProtection !== true) report("deletionProtection is not true in prod");
    },
  },
  {
    name: "aws-rds-auto-minor-version-upgrade",
    area: "aws",
    severity: "medium",
    description:
      "RDS instances, cluster instances and Multi-AZ DB clusters take minor engine versions (security fixes) " +
      "automatically in the maintenance window.",
    remediationSteps: "Leave `autoMinorVersionUpgrade` unset or set it to true.",
    references: ["CKV_AWS_226", "AWS FSBP RDS.13"],
    validateResource: onInputs<{ autoMinorVersionUpgrade?: boolean }>(
      [...DB_HOSTS, ...T.dbCluster],
      (db, report) => {
        if (db.autoMinorVersionUpgrade === false) report("autoMinorVersionUpgrade is false");
      },
    ),
  },
  {
    name: "aws-rds-copy-tags-to-snapshot",
    area: "aws",
    severity: "low",
    description:
      "RDS instances and clusters copy their tags to snapshots, so ownership and environment follow the data.",
    remediationSteps: "Set `copyTagsToSnapshot: true`.",
    references: ["CKV2_AWS_60", "CKV_AWS_313", "AWS FSBP RDS.16", "AWS FSBP RDS.17"],
    validateResource: onInputs<DatabaseArgs>(DATABASES, (db, report) => {
      if (db.copyTagsToSnapshot !== true) report("copyTagsToSnapshot is not true");
    }),
  },
];

export const databaseStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-rds-force-ssl",
    area: "aws",
    severity: "high",
    description:
      "PostgreSQL RDS instances refuse unencrypted connections (rds.force_ssl=1). From PostgreSQL 15 that is the " +
      "default, so only a parameter group turning it off fails there; before 15 a parameter group must turn it on.",
    remediationSteps: 'Attach a ParameterGroup with `{ name: "rds.force_ssl", value: "1" }` to the instance.',
    references: [
      "CIS AWS 2.3",
      "CKV2_AWS_69",
      "Groundwork BASELINE AWS Database",
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html",
    ],
    types: T.dbInstance,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.dbInstance), report, (instance) => {
        const db = propsOf<InstanceArgs>(instance);
        if (!String(db.engine ?? "").startsWith("postgres")) return;
        const groups = referenced(args.resources, T.dbParameterGroup, instance, "parameterGroupName", [
          "name",
        ]);
        const settings = groups.flatMap((g) =>
          oneOrMany(propsOf<ParameterGroupArgs>(g).parameters).map(record),
        );
        const force = settings.find((p) => p.name === "rds.force_ssl");
        if (force !== undefined) {
          if (String(force.value) !== "1")
            report(`"${instance.name}": rds.force_ssl is ${JSON.stringify(force.value)}`, instance.urn);
          return;
        }
        // Unset, RDS creates the current default major version: 15 or later since 2023 (guess: the RDS
        // console and CreateDBInstance default, not read from an API here).
        if (db.engineVersion === undefined) return;
        const major = Number(String(db.engineVersion).split(".")[0]);
        if (!(major >= 15)) {
          report(
            `"${instance.name}": engine version ${JSON.stringify(db.engineVersion)} defaults rds.force_ssl to 0 ` +
              "(it is 1 only from PostgreSQL 15) and no parameter group of the stack sets it to 1",
            instance.urn,
          );
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-rds-cluster-prod-multi-az",
    area: "aws",
    severity: "medium",
    description:
      "Production Aurora clusters (tag environment=prod) run at least two instances, not all pinned to one " +
      "Availability Zone, so a zone failure fails over instead of waiting for a new instance.",
    remediationSteps:
      "Add a second `rds.ClusterInstance` to the cluster and leave `availabilityZone` unset (or set different zones).",
    references: ["AWS FSBP RDS.15"],
    types: T.dbCluster,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.dbCluster), report, (cluster) => {
        const c = propsOf<ClusterArgs>(cluster);
        if (record(c.tags)["environment"] !== "prod") return;
        // Serverless v1 has no instances; a Multi-AZ DB cluster (an instance class on the cluster) always has three.
        if (c.engineMode === "serverless" || c.dbClusterInstanceClass !== undefined) return;
        const instances = referrers(args.resources, T.dbClusterInstance, "clusterIdentifier", cluster, [
          "clusterIdentifier",
        ]);
        const zones = new Set(instances.map((i) => propsOf<ClusterInstanceArgs>(i).availabilityZone));
        if (instances.length < 2)
          report(`cluster "${cluster.name}" has ${instances.length} instance(s) in prod`, cluster.urn);
        else if (zones.size === 1 && !zones.has(undefined))
          report(`cluster "${cluster.name}": every instance is in ${[...zones][0]}`, cluster.urn);
      });
    },
  }),
];
