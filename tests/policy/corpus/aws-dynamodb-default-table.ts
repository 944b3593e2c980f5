// Corpus: aws dynamodb default table.
import { CorpusEntry } from "../kit";
import { table } from "../aws-kit";

// DynamoDB table with the defaults: no point-in-time recovery, AWS-owned key.
export const entry: CorpusEntry = {
  description: "DynamoDB table with the defaults: no point-in-time recovery, AWS-owned key",
  expect: ["aws-dynamodb-point-in-time-recovery", "aws-dynamodb-kms"],
  program: () => {
    table("orders", { pointInTimeRecovery: undefined, serverSideEncryption: undefined });
  },
};
