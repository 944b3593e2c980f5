// Corpus: aws iam service wildcard.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry } from "../kit";

// s3:* on every bucket in the account, inline on a role.
export const entry: CorpusEntry = {
  description: "IAM role policy allowing s3:* on *",
  expect: ["aws-iam-no-wildcard-admin"],
  program: () => {
    new iam.RolePolicy("app-s3", {
      role: "app",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["s3:*"], Resource: ["*"] }],
      }),
    });
  },
};
