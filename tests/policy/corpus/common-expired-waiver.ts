// Corpus: common expired waiver.
import { CorpusEntry, bucket } from "../kit";

// A waiver that lapsed: it suppresses nothing and is a violation itself.
export const entry: CorpusEntry = {
  description: "expired waiver for a bucket whose public-access block lets public policies in",
  expect: ["aws-s3-public-access-block", "groundwork-waivers"],
  config: {
    "aws-s3-public-access-block": {
      waivers: [
        {
          urn: "*::aws:s3/bucket:Bucket::website",
          reason: "static site",
          owner: "web",
          expires: "2024-06-30",
        },
      ],
    },
  },
  program: () => {
    bucket("website", { publicAccessBlock: { blockPublicPolicy: false, restrictPublicBuckets: false } });
  },
};
