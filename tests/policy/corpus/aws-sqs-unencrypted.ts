// Corpus: aws sqs unencrypted.
import { CorpusEntry } from "../kit";
import { queue } from "../aws-kit";

// SQS queue with SQS-managed SSE turned off and no KMS key.
export const entry: CorpusEntry = {
  description: "SQS queue with SQS-managed SSE turned off and no KMS key",
  expect: ["aws-sqs-encrypted"],
  program: () => {
    queue("jobs", { kmsMasterKeyId: undefined, sqsManagedSseEnabled: false });
  },
};
