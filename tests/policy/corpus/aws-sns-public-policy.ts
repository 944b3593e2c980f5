// Corpus: aws sns public policy.
import { CorpusEntry } from "../kit";
import { topic } from "../aws-kit";

// SNS topic whose inline policy lets any account subscribe.
export const entry: CorpusEntry = {
  description: "SNS topic whose inline policy lets any account subscribe",
  expect: ["aws-sns-no-public-policy"],
  program: () => {
    topic("events", {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["sns:Subscribe", "sns:Receive"],
            Resource: "*",
          },
        ],
      }),
    });
  },
};
