// Corpus: aws bucket sse s3.
import { CorpusEntry, bucket } from "../kit";

// SSE-S3 (AES256) instead of a customer-managed KMS key.
export const entry: CorpusEntry = {
  description: "bucket encrypted with AES256",
  expect: ["aws-s3-encryption-kms"],
  program: () => {
    bucket("data", { encryption: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
  },
};
