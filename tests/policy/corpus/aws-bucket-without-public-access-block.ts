// Corpus: aws bucket without public access block.
import { CorpusEntry, bucket } from "../kit";

// A bucket whose public-access block was forgotten.
export const entry: CorpusEntry = {
  description: "S3 bucket with no BucketPublicAccessBlock",
  expect: ["aws-s3-public-access-block"],
  program: () => {
    bucket("uploads", { publicAccessBlock: false });
  },
};
