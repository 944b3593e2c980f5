// AWS data stores beyond S3 and RDS: EFS file systems and Athena query results are encrypted under a
// customer-managed key (the one key decision, ../keys.ts), and EFS file-system policies are closed to
// anonymous callers.
import type { FileSystemArgs } from "@pulumi/aws/efs";
import type { DatabaseArgs, WorkgroupArgs } from "@pulumi/aws/athena";
import { Report, ResourceRule } from "../../runtime";
import { Props, inputsOf, onInputs, record, recordAt } from "../../runtime/props";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";
import { T } from "./resource-types";
import { publicPolicyRule } from "./documents";

/**
 * Judges an Athena encryption configuration (`{ encryptionOption, kmsKey }`). Results land in S3, which
 * encrypts every object with SSE-S3 by default since January 2023, so no configuration is not plaintext:
 * it is the bucket's default, which only the customer-managed-key ask refuses.
 */
function athenaEncryption(
  config: Props,
  keyField: string,
  where: string,
  ask: boolean,
  report: Report,
): void {
  const option = String(config.encryptionOption ?? "");
  if (!ask) return;
  if (option === "")
    report(
      `${where} is not set: results get only the output bucket's default encryption (SSE-S3); ${CMK_KNOB_HINT}`,
    );
  else if (option === "SSE_S3")
    report(
      `${where}.encryptionOption is SSE_S3 (an S3-owned key), not a customer-managed key; ${CMK_KNOB_HINT}`,
    );
  else if (!namesCustomerKey(config, keyField))
    report(
      `${where}.${keyField} is not a customer-managed key: the AWS-managed key aws/s3 is used; ${CMK_KNOB_HINT}`,
    );
}

export const storageServiceRules: ResourceRule[] = [
  {
    name: "aws-efs-encrypted",
    area: "aws",
    severity: "high",
    description:
      "EFS file systems are encrypted at rest (EFS leaves a file system unencrypted unless asked, and it cannot be " +
      "changed later) under a customer-managed key; `customerManagedKey: false` accepts the AWS-managed key aws/elasticfilesystem.",
    remediationSteps:
      "Set `encrypted: true` and `kmsKeyId` to a customer-managed key; a new file system is needed.",
    references: ["CKV_AWS_42", "CKV_AWS_184", "CIS AWS 2.4.1", "AWS FSBP EFS.1"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<FileSystemArgs>(T.fileSystem, (fs, report, args) => {
      if (fs.encrypted !== true) report("encrypted is not true: files are stored unencrypted");
      else if (asksForKey(args, record(fs.tags).environment) && !namesCustomerKey(args.props, "kmsKeyId"))
        report(`kmsKeyId is not set: the AWS-managed key aws/elasticfilesystem is used; ${CMK_KNOB_HINT}`);
    }),
  },
  publicPolicyRule({
    name: "aws-efs-no-public-policy",
    what: "EFS file system policies",
    types: T.fileSystemPolicy,
    references: ["AWS FSBP EFS.2"],
  }),
  {
    name: "aws-athena-encrypted",
    area: "aws",
    severity: "high",
    description:
      "Athena workgroups encrypt query results under a customer-managed key (SSE_KMS or CSE_KMS with `kmsKey`) and " +
      "enforce the setting on clients; Athena databases encrypt their results likewise. Without it results get only " +
      "the output bucket's default encryption; `customerManagedKey: false` accepts that.",
    remediationSteps:
      'Set `configuration: { enforceWorkgroupConfiguration: true, resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn } } }` ' +
      '(databases: `encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey }`).',
    references: ["CKV_AWS_159", "CKV_AWS_82", "CKV_AWS_77"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    types: [...T.athenaWorkgroup, ...T.athenaDatabase],
    validateResource(args, report) {
      const workgroup = inputsOf<WorkgroupArgs>(args, T.athenaWorkgroup);
      if (workgroup) {
        const ask = asksForKey(args, record(workgroup.tags).environment);
        const configuration = record(workgroup.configuration);
        const encryption = recordAt(configuration, ["resultConfiguration", "encryptionConfiguration"]);
        const where = "configuration.resultConfiguration.encryptionConfiguration";
        athenaEncryption(encryption, "kmsKeyArn", where, ask, report);
        if (ask && configuration.enforceWorkgroupConfiguration === false)
          report(
            "configuration.enforceWorkgroupConfiguration is false: clients may choose their own result encryption",
          );
        return;
      }
      const database = inputsOf<DatabaseArgs>(args, T.athenaDatabase);
      if (database)
        athenaEncryption(
          record(database.encryptionConfiguration),
          "kmsKey",
          "encryptionConfiguration",
          asksForKey(args, record(undefined).environment),
          report,
        );
    },
  },
];
