// AWS CloudWatch Logs rules: log groups are encrypted under a customer-managed key and kept for a
// bounded period of at least the minimum retention.
import type { LogGroupArgs } from "@pulumi/aws/cloudwatch";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

export const logsRules: ResourceRule[] = [
  {
    name: "aws-cloudwatch-log-group-encrypted",
    area: "aws",
    severity: "high",
    description:
      "CloudWatch log groups are encrypted under a customer-managed KMS key. CloudWatch Logs always encrypts, by " +
      "default under a service-owned key; `customerManagedKey: false` accepts that.",
    remediationSteps:
      "Set `kmsKeyId` to a rotating customer-managed key whose policy allows the logs service.",
    references: ["CKV_AWS_158"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<LogGroupArgs>(T.logGroup, (group, report, args) => {
      if (!isSet(args.props, "kmsKeyId") && asksForKey(args, record(group.tags).environment))
        report(`kmsKeyId is not set: the logs are encrypted under a CloudWatch-owned key; ${CMK_KNOB_HINT}`);
    }),
  },
  {
    name: "aws-cloudwatch-log-retention",
    area: "aws",
    severity: "medium",
    description:
      "CloudWatch log groups must keep logs for a bounded period of at least the minimum retention.",
    remediationSteps: "Set `retentionInDays` to the environment's retention (dev 30, staging 90, prod 365).",
    references: ["CKV_AWS_338", "CKV_AWS_66"],
    configSchema: {
      properties: {
        minimumRetentionDays: {
          type: "integer",
          minimum: 1,
          default: 30,
          description: "Shortest retention accepted, in days.",
        },
      },
    },
    validateResource: onInputs<LogGroupArgs>(T.logGroup, (group, report, args) => {
      const min = args.getConfig<{ minimumRetentionDays?: number }>().minimumRetentionDays ?? 30;
      const days = group.retentionInDays;
      if (days === undefined || days === 0)
        report("retentionInDays is not set (logs kept forever, unbudgeted)");
      else if (typeof days === "number" && days < min) report(`retentionInDays is ${days} (at least ${min})`);
    }),
  },
];
