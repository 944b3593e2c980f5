// Corpus: aws bucket without tls policy.
import { CorpusEntry, bucket } from "../kit";

// Plain HTTP requests still accepted: no aws:SecureTransport deny.
export const entry: CorpusEntry = {
  description: "bucket without a TLS-only bucket policy",
  expect: ["aws-s3-tls-only"],
  program: () => {
    bucket("exports", { tlsPolicy: false });
  },
};
