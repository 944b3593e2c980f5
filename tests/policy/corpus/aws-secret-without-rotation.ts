// Corpus: aws secret without rotation.
import * as secretsmanager from "@pulumi/aws/secretsmanager";
import { CorpusEntry, TAGS, key } from "../kit";

// Secrets Manager secret with no rotation.
export const entry: CorpusEntry = {
  description: "Secrets Manager secret with no rotation",
  expect: ["aws-secretsmanager-rotation"],
  program: () => {
    new secretsmanager.Secret("api-token", { kmsKeyId: key("api-token-key").arn, tags: TAGS });
  },
};
