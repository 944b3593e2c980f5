// AWS DynamoDB rules: tables can be restored to any second of the last 35 days, and are encrypted under
// a customer-managed key.
import type { TableArgs } from "@pulumi/aws/dynamodb";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";

export const dynamodbRules: ResourceRule[] = [
  {
    name: "aws-dynamodb-point-in-time-recovery",
    area: "aws",
    severity: "medium",
    description: "DynamoDB tables have point-in-time recovery enabled.",
    remediationSteps: "Set `pointInTimeRecovery: { enabled: true }`.",
    references: ["CKV_AWS_28", "AWS FSBP DynamoDB.2"],
    validateResource: onInputs<TableArgs>(T.table, (table, report) => {
      if (table.pointInTimeRecovery?.enabled !== true) report("pointInTimeRecovery.enabled is not true");
    }),
  },
  {
    name: "aws-dynamodb-kms",
    area: "aws",
    severity: "high",
    description:
      "DynamoDB tables are encrypted under a customer-managed KMS key. DynamoDB always encrypts, by default under " +
      "an AWS-owned key the account cannot audit or revoke; `customerManagedKey: false` accepts that.",
    remediationSteps: "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <customer-managed key> }`.",
    references: ["CKV_AWS_119"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<TableArgs>(T.table, (table, report, args) => {
      if (!asksForKey(args, record(table.tags).environment)) return;
      const sse = record(table.serverSideEncryption);
      if (sse.enabled !== true)
        report(
          `serverSideEncryption.enabled is not true: the table is encrypted under an AWS-owned key; ${CMK_KNOB_HINT}`,
        );
      else if (!namesCustomerKey(sse, "kmsKeyArn"))
        report(
          `serverSideEncryption.kmsKeyArn is not set: the table uses the AWS-managed key aws/dynamodb; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
