// Corpus: aws lambda url no auth.
import * as lambda from "@pulumi/aws/lambda";
import { CorpusEntry } from "../kit";
import { lambdaFunction } from "../aws-kit";

// Lambda function URL with authorizationType NONE.
export const entry: CorpusEntry = {
  description: "Lambda function URL with authorizationType NONE",
  expect: ["aws-lambda-function-url-auth"],
  program: () => {
    const fn = lambdaFunction("hook");
    new lambda.FunctionUrl("hook-url", { functionName: fn.name, authorizationType: "NONE" });
  },
};
