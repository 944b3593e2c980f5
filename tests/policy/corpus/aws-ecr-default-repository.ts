// Corpus: aws ecr default repository.
import * as ecr from "@pulumi/aws/ecr";
import { CorpusEntry, TAGS } from "../kit";

// ECR repository with the defaults: mutable tags, no scan on push, AES256.
export const entry: CorpusEntry = {
  description: "ECR repository with the defaults: mutable tags, no scan on push, AES256",
  expect: ["aws-ecr-immutable-tags", "aws-ecr-scan-on-push", "aws-ecr-kms"],
  program: () => {
    new ecr.Repository("app", { tags: TAGS });
  },
};
