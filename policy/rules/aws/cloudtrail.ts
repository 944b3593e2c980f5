// AWS CloudTrail rules: trails record every region, sign their log files, and encrypt them with KMS.
import type { TrailArgs } from "@pulumi/aws/cloudtrail";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

export const cloudtrailRules: ResourceRule[] = [
  {
    name: "aws-cloudtrail-multi-region",
    area: "aws",
    severity: "high",
    description: "CloudTrail trails record API activity in every region.",
    remediationSteps: "Set `isMultiRegionTrail: true` (and `includeGlobalServiceEvents: true`).",
    references: ["CKV_AWS_67", "CIS AWS 3.1", "AWS FSBP CloudTrail.1"],
    validateResource: onInputs<TrailArgs>(T.trail, (trail, report) => {
      if (trail.isMultiRegionTrail !== true) report("isMultiRegionTrail is not true");
    }),
  },
  {
    name: "aws-cloudtrail-log-file-validation",
    area: "aws",
    severity: "high",
    description: "CloudTrail trails sign their log files, so a tampered or deleted log is detected.",
    remediationSteps: "Set `enableLogFileValidation: true`.",
    references: ["CKV_AWS_36", "CIS AWS 3.2", "AWS FSBP CloudTrail.4"],
    validateResource: onInputs<TrailArgs>(T.trail, (trail, report) => {
      if (trail.enableLogFileValidation !== true) report("enableLogFileValidation is not true");
    }),
  },
  {
    name: "aws-cloudtrail-kms",
    area: "aws",
    severity: "high",
    description:
      "CloudTrail trails encrypt their logs with a customer-managed KMS key (without one the log files get only " +
      "their bucket's encryption); `customerManagedKey: false` accepts that.",
    remediationSteps: "Set `kmsKeyId` to a key whose policy lets cloudtrail.amazonaws.com encrypt.",
    references: ["CKV_AWS_35", "CIS AWS 3.5", "AWS FSBP CloudTrail.2"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<TrailArgs>(T.trail, (trail, report, args) => {
      if (!isSet(args.props, "kmsKeyId") && asksForKey(args, record(trail.tags).environment))
        report(
          `kmsKeyId is not set: log files get only the bucket's encryption, not a customer-managed key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
