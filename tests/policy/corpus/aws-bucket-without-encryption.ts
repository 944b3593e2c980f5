// Corpus: aws bucket without encryption.
import { CorpusEntry, bucket } from "../kit";

// No encryption configuration at all.
export const entry: CorpusEntry = {
  description: "bucket without server-side encryption configuration",
  expect: ["aws-s3-encryption-kms"],
  program: () => {
    bucket("plain", { encryption: false });
  },
};
