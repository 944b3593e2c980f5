// Corpus: aws bucket without public access block, where the team asks for it explicitly.
import { CorpusEntry, bucket } from "../kit";

// S3 blocks public access on new buckets by default; `requireExplicit` asks for the block in the program.
export const entry: CorpusEntry = {
  description: "S3 bucket with no BucketPublicAccessBlock under requireExplicit",
  expect: ["aws-s3-public-access-block"],
  config: { "aws-s3-public-access-block": { requireExplicit: true } },
  program: () => {
    bucket("uploads", { publicAccessBlock: false });
  },
};
