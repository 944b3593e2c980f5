// Corpus: aws sns unencrypted.
import { CorpusEntry } from "../kit";
import { topic } from "../aws-kit";

// SNS topic without a KMS key.
export const entry: CorpusEntry = {
  description: "SNS topic without a KMS key",
  expect: ["aws-sns-encrypted"],
  program: () => {
    topic("alerts", { kmsMasterKeyId: undefined });
  },
};
