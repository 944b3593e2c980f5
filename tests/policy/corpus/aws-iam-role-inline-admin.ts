// Corpus: aws iam role inline admin.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry, TAGS } from "../kit";

// Administrator access hidden in a role's inlinePolicies rather than a separate policy resource.
export const entry: CorpusEntry = {
  description: "Role inlinePolicies allowing * on *",
  expect: ["aws-iam-no-wildcard-admin"],
  program: () => {
    new iam.Role("builder", {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
      inlinePolicies: [
        {
          name: "everything",
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
          }),
        },
      ],
      tags: TAGS,
    });
  },
};
