// Corpus: aws iam user policy attachment.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry } from "../kit";

// Permissions attached straight to a person's user instead of a group or role.
export const entry: CorpusEntry = {
  description: "UserPolicyAttachment",
  expect: ["aws-iam-no-user-policies"],
  program: () => {
    new iam.UserPolicyAttachment("alice-readonly", {
      user: "alice",
      policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    });
  },
};
