// Corpus: aws kms wildcard principal.
import { CorpusEntry, key } from "../kit";

// A key policy that lets anyone use the key.
export const entry: CorpusEntry = {
  description: "KMS key policy with Principal *",
  expect: ["aws-kms-no-wildcard-principal"],
  program: () => {
    key("shared", {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "Everyone", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" },
        ],
      }),
    });
  },
};
