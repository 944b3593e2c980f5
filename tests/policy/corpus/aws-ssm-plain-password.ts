// Corpus: a password stored in a plain String parameter.
import * as ssm from "@pulumi/aws/ssm";
import { CorpusEntry, TAGS } from "../kit";

export const entry: CorpusEntry = {
  description: "SSM parameter /app/DB_PASSWORD of type String",
  expect: ["aws-ssm-parameter-encrypted"],
  program: () => {
    new ssm.Parameter("db-password", {
      name: "/app/DB_PASSWORD",
      type: "String",
      value: "hunter2",
      tags: TAGS,
    });
  },
};
