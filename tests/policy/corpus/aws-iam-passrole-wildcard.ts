// Corpus: aws iam passrole wildcard.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry } from "../kit";

// A deploy role that may pass any role in the account to any service.
export const entry: CorpusEntry = {
  description: "RolePolicy allowing iam:PassRole on *",
  expect: ["aws-iam-no-passrole-wildcard"],
  program: () => {
    new iam.RolePolicy("deploy-pass", {
      role: "deploy",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["ecs:RunTask", "iam:PassRole"], Resource: "*" }],
      }),
    });
  },
};
