// Corpus: aws rds unencrypted.
import { CorpusEntry, database } from "../kit";

// Storage left unencrypted.
export const entry: CorpusEntry = {
  description: "RDS instance without storage encryption",
  expect: ["aws-rds-encrypted"],
  program: () => {
    database("legacy", { storageEncrypted: false, kmsKeyId: undefined });
  },
};
