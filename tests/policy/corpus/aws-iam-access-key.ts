// Corpus: aws iam access key.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry } from "../kit";

// A long-lived access key for a deploy user.
export const entry: CorpusEntry = {
  description: "IAM access key",
  expect: ["aws-iam-no-access-keys"],
  program: () => {
    new iam.AccessKey("deployer", { user: "deployer" });
  },
};
