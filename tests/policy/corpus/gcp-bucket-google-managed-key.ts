// Corpus: Cloud Storage bucket under a Google-managed key.
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket without encryption.defaultKmsKeyName",
  expect: ["gcp-storage-cmek"],
  program: () => {
    bucket("data", { encryption: undefined });
  },
};
