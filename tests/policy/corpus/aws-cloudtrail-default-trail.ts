// Corpus: aws cloudtrail default trail.
import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { CorpusEntry, TAGS } from "../kit";

// CloudTrail trail with the defaults: one region, unsigned, SSE-S3.
export const entry: CorpusEntry = {
  description: "CloudTrail trail with the defaults: one region, unsigned, SSE-S3",
  expect: ["aws-cloudtrail-multi-region", "aws-cloudtrail-log-file-validation", "aws-cloudtrail-kms"],
  program: () => {
    new cloudtrail.Trail("audit", { s3BucketName: "central-cloudtrail", tags: TAGS });
  },
};
