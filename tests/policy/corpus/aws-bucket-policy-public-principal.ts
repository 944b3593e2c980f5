// Corpus: aws bucket policy public principal (issue #13's repro).
import * as s3 from "@pulumi/aws/s3";
import { CorpusEntry, bucket } from "../kit";

// A raw bucket policy letting anyone read every object, beside an otherwise hardened bucket.
export const entry: CorpusEntry = {
  description: 'BucketPolicy allowing Principal "*" with no condition',
  expect: ["aws-s3-no-public-policy"],
  program: () => {
    const b = bucket("site");
    new s3.BucketPolicy("site-public", {
      bucket: b.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" },
        ],
      }),
    });
  },
};
