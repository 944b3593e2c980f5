// Corpus: aws lambda plaintext secret.
import { CorpusEntry } from "../kit";
import { lambdaFunction } from "../aws-kit";

// Lambda function with an API key in a plain environment variable.
export const entry: CorpusEntry = {
  description: "Lambda function with an API key in a plain environment variable",
  expect: ["aws-lambda-no-plaintext-secrets"],
  program: () => {
    lambdaFunction("webhook", { STRIPE_API_KEY: "sk_live_0123456789" });
  },
};
