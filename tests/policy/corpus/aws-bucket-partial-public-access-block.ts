// Corpus: aws bucket partial public access block.
import { CorpusEntry, bucket } from "../kit";

// Public policies still honoured: restrictPublicBuckets left off.
export const entry: CorpusEntry = {
  description: "S3 public-access block with restrictPublicBuckets false",
  expect: ["aws-s3-public-access-block"],
  program: () => {
    bucket("reports", { publicAccessBlock: { restrictPublicBuckets: false } });
  },
};
