// Corpus: aws bucket acl grant authenticated users.
import * as s3 from "@pulumi/aws/s3";
import { CorpusEntry, bucket } from "../kit";

// An explicit ACL grant to every AWS account (AuthenticatedUsers), not a canned ACL.
export const entry: CorpusEntry = {
  description: "BucketAcl grant READ to AuthenticatedUsers",
  expect: ["aws-s3-no-public-acl"],
  program: () => {
    const b = bucket("shared");
    new s3.BucketAcl("shared-acl", {
      bucket: b.id,
      accessControlPolicy: {
        owner: { id: "0123456789abcdef" },
        grants: [
          {
            grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" },
            permission: "READ",
          },
        ],
      },
    });
  },
};
