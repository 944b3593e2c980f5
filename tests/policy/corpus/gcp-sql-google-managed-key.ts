// Corpus: Cloud SQL instance under a Google-managed key.
import { CorpusEntry } from "../kit";
import { sqlInstance } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud SQL instance without encryptionKeyName",
  expect: ["gcp-sql-cmek"],
  program: () => {
    sqlInstance("orders", { args: { encryptionKeyName: undefined } });
  },
};
