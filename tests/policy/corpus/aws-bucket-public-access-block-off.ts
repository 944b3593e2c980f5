// Corpus: aws bucket public access block off.
import { CorpusEntry, bucket } from "../kit";

// A public-access block that turns blocking of public bucket policies off.
export const entry: CorpusEntry = {
  description: "S3 bucket whose BucketPublicAccessBlock sets blockPublicPolicy false",
  expect: ["aws-s3-public-access-block"],
  program: () => {
    bucket("uploads", { publicAccessBlock: { blockPublicPolicy: false } });
  },
};
