// AWS DynamoDB rules: tables can be restored to any second of the last 35 days, and are encrypted under
// a customer-managed key.
import type { TableArgs } from "@pulumi/aws/dynamodb";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

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
    severity: "medium",
    description:
      "DynamoDB tables are encrypted under a customer-managed KMS key (the default is an AWS-owned key the account cannot audit or revoke).",
    remediationSteps: "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <customer-managed key> }`.",
    references: ["CKV_AWS_119"],
    validateResource: onInputs<TableArgs>(T.table, (table, report) => {
      const sse = record(table.serverSideEncryption);
      if (sse.enabled !== true) report("serverSideEncryption.enabled is not true (AWS-owned key)");
      else if (!isSet(sse, "kmsKeyArn"))
        report("serverSideEncryption.kmsKeyArn is not set (AWS-managed key)");
    }),
  },
];
