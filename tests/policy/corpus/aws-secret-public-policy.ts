// Corpus: secret readable by any AWS principal.
import * as secretsmanager from "@pulumi/aws/secretsmanager";
import { CorpusEntry } from "../kit";
import { secret } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "Secrets Manager secret policy granting GetSecretValue to *",
  expect: ["aws-secretsmanager-no-public-policy"],
  program: () => {
    const s = secret("db");
    new secretsmanager.SecretPolicy("db-policy", {
      secretArn: s.arn,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" },
        ],
      }),
    });
  },
};
