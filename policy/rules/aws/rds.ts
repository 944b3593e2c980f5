// AWS RDS rules: databases are private, encrypted under a customer-managed key, reached over TLS with
// IAM authentication, backed up, logged, and resilient in prod. Read replicas inherit storage settings
// from their source, so the storage rules skip them.
import type { InstanceArgs, ParameterGroupArgs } from "@pulumi/aws/rds";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, inputsOf, onInputs, oneOrMany, propsOf, record } from "../../runtime/props";
import { eachOf, ofTypes, referenced } from "../../runtime/links";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

type Instance = Inputs<InstanceArgs>;

/** The instance's inputs, or undefined for other types and for read replicas. */
function primaryInstance(args: ResourceValidationArgs): Instance | undefined {
  const db = inputsOf<InstanceArgs>(args, T.dbInstance);
  return db && db.replicateSourceDb === undefined ? db : undefined;
}

export const rdsRules: ResourceRule[] = [
  {
    name: "aws-rds-not-public",
    area: "aws",
    severity: "critical",
    description: "RDS instances must not be publicly accessible.",
    remediationSteps:
      "Set `publiclyAccessible: false` and place the instance in private or isolated subnets.",
    references: ["CKV_AWS_17", "CIS AWS 2.3.3"],
    validateResource(args, report) {
      if (inputsOf<InstanceArgs>(args, T.dbInstance)?.publiclyAccessible === true)
        report("publiclyAccessible is true");
    },
  },
  {
    name: "aws-rds-encrypted",
    area: "aws",
    severity: "high",
    description: "RDS storage must be encrypted with a customer-managed KMS key.",
    remediationSteps: "Set `storageEncrypted: true` and `kmsKeyId` to a rotating customer-managed key.",
    references: ["CKV_AWS_16", "CIS AWS 2.3.1"],
    validateResource(args, report) {
      const db = primaryInstance(args);
      if (!db) return;
      if (db.storageEncrypted !== true) report("storageEncrypted is not true");
      else if (!isSet(args.props, "kmsKeyId")) report("kmsKeyId is not set (AWS-managed key)");
    },
  },
  {
    name: "aws-rds-managed-password",
    area: "aws",
    severity: "high",
    description:
      "RDS master passwords are managed by Secrets Manager, never written in the program or state.",
    remediationSteps: "Set `manageMasterUserPassword: true` and remove `password`.",
    references: ["Groundwork BASELINE AWS Database"],
    validateResource(args, report) {
      const db = primaryInstance(args);
      if (!db) return;
      if (isSet(args.props, "password")) report("a literal master password is set");
      else if (db.manageMasterUserPassword !== true) report("manageMasterUserPassword is not true");
    },
  },
  {
    name: "aws-rds-iam-auth",
    area: "aws",
    severity: "medium",
    description: "RDS instances enable IAM database authentication.",
    remediationSteps: "Set `iamDatabaseAuthenticationEnabled: true`.",
    references: ["CKV_AWS_161"],
    validateResource(args, report) {
      const db = inputsOf<InstanceArgs>(args, T.dbInstance);
      if (db && db.iamDatabaseAuthenticationEnabled !== true) {
        report("iamDatabaseAuthenticationEnabled is not true");
      }
    },
  },
  {
    name: "aws-rds-backups",
    area: "aws",
    severity: "medium",
    description: "RDS instances keep automated backups for at least the minimum retention.",
    remediationSteps: "Set `backupRetentionPeriod` (dev 7, prod 30 days) and keep a final snapshot.",
    references: ["CKV_AWS_133"],
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
    validateResource(args, report) {
      const db = primaryInstance(args);
      if (!db) return;
      const min = args.getConfig<{ minimumBackupRetentionDays?: number }>().minimumBackupRetentionDays ?? 7;
      const days = Number(db.backupRetentionPeriod ?? 0);
      if (days < min) report(`backupRetentionPeriod is ${days} (at least ${min})`);
      if (db.skipFinalSnapshot === true) report("skipFinalSnapshot is true");
    },
  },
  {
    name: "aws-rds-log-exports",
    area: "aws",
    severity: "low",
    description: "RDS instances export their engine logs to CloudWatch.",
    remediationSteps: 'Set `enabledCloudwatchLogsExports` (for PostgreSQL: ["postgresql", "upgrade"]).',
    references: ["CKV_AWS_129"],
    validateResource(args, report) {
      const db = inputsOf<InstanceArgs>(args, T.dbInstance);
      if (db && oneOrMany(db.enabledCloudwatchLogsExports).length === 0) {
        report("enabledCloudwatchLogsExports is empty");
      }
    },
  },
  {
    name: "aws-rds-prod-resilience",
    area: "aws",
    severity: "medium",
    description: "Production RDS instances (tag environment=prod) are multi-AZ with deletion protection.",
    remediationSteps: "Set `multiAz: true` and `deletionProtection: true` on production databases.",
    references: ["CKV_AWS_157", "CKV_AWS_293"],
    validateResource(args, report) {
      const db = inputsOf<InstanceArgs>(args, T.dbInstance);
      if (!db || record(db.tags)["environment"] !== "prod") return;
      if (db.multiAz !== true) report("multiAz is not true in prod");
      if (db.deletionProtection !== true) report("deletionProtection is not true in prod");
    },
  },
  {
    name: "aws-rds-auto-minor-version-upgrade",
    area: "aws",
    severity: "medium",
    description:
      "RDS instances take minor engine versions (security fixes) automatically in the maintenance window.",
    remediationSteps: "Leave `autoMinorVersionUpgrade` unset or set it to true.",
    references: ["CKV_AWS_226", "AWS FSBP RDS.13"],
    validateResource: onInputs<InstanceArgs>(T.dbInstance, (db, report) => {
      if (db.autoMinorVersionUpgrade === false) report("autoMinorVersionUpgrade is false");
    }),
  },
  {
    name: "aws-rds-copy-tags-to-snapshot",
    area: "aws",
    severity: "low",
    description: "RDS instances copy their tags to snapshots, so ownership and environment follow the data.",
    remediationSteps: "Set `copyTagsToSnapshot: true`.",
    references: ["CKV2_AWS_60", "AWS FSBP RDS.17"],
    validateResource: onInputs<InstanceArgs>(T.dbInstance, (db, report) => {
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
      "PostgreSQL RDS instances refuse unencrypted connections: their parameter group sets rds.force_ssl=1 " +
      "(the default group does so only from PostgreSQL 15).",
    remediationSteps: 'Attach a ParameterGroup with `{ name: "rds.force_ssl", value: "1" }` to the instance.',
    references: ["CIS AWS 2.3", "Groundwork BASELINE AWS Database"],
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
        const major = Number(String(db.engineVersion ?? "").split(".")[0]);
        if (!(major >= 15)) {
          report(
            `"${instance.name}": no parameter group sets rds.force_ssl=1 (engine version ${JSON.stringify(db.engineVersion ?? "default")})`,
            instance.urn,
          );
        }
      });
    },
  }),
];
