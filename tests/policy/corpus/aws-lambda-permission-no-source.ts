// Corpus: Lambda permission for a service principal with no source (the confused deputy).
import { CorpusEntry } from "../kit";
import { permission } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "lambda.Permission to s3.amazonaws.com without sourceArn or sourceAccount",
  expect: ["aws-lambda-permission-restricted"],
  program: () => {
    permission("from-s3", { sourceArn: undefined, sourceAccount: undefined });
  },
};
