// Corpus: aws iam role trust public.
import * as iam from "@pulumi/aws/iam";
import { CorpusEntry, TAGS } from "../kit";

// A role any AWS principal in any account can assume.
export const entry: CorpusEntry = {
  description: 'Role whose trust policy allows Principal { AWS: "*" }',
  expect: ["aws-iam-trust-no-public-principal"],
  program: () => {
    new iam.Role("open", {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
      }),
      tags: TAGS,
    });
  },
};
