// Corpus: log group under CloudWatch's own key, not a customer-managed one.
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { CorpusEntry, TAGS } from "../kit";

export const entry: CorpusEntry = {
  description: "CloudWatch log group without kmsKeyId",
  expect: ["aws-cloudwatch-log-group-encrypted"],
  program: () => {
    new cloudwatch.LogGroup("app", { retentionInDays: 30, tags: TAGS });
  },
};
