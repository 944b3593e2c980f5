// Corpus: aws iam admin policy.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry, TAGS } from "../kit";

// Full admin: every action on every resource.
export const entry: CorpusEntry = {
  description: "IAM policy allowing * on *",
  expect: ["aws-iam-no-wildcard-admin"],
  program: () => {
    new iam.Policy("ci", {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
      }),
      tags: TAGS,
    });
  },
};
