// Corpus: aws bucket public read acl.
import * as s3 from "@pulumi/aws/s3";
import { CorpusEntry, bucket } from "../kit";

// A canned public-read ACL on an otherwise hardened bucket.
export const entry: CorpusEntry = {
  description: "BucketAcl public-read",
  expect: ["aws-s3-no-public-acl"],
  program: () => {
    const b = bucket("site");
    new s3.BucketAcl("site-acl", { bucket: b.id, acl: "public-read" });
  },
};
