// Corpus: secret under the AWS-managed key aws/secretsmanager.
import { CorpusEntry } from "../kit";
import { secret } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "Secrets Manager secret without a customer-managed key",
  expect: ["aws-secretsmanager-cmk"],
  program: () => {
    secret("db", { kmsKeyId: undefined });
  },
};
