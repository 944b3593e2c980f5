// Corpus: aws sqs public policy.
import * as sqs from "@pulumi/aws/sqs";
import { CorpusEntry } from "../kit";
import { queue } from "../aws-kit";

// QueuePolicy letting anyone send messages.
export const entry: CorpusEntry = {
  description: "QueuePolicy letting anyone send messages",
  expect: ["aws-sqs-no-public-policy"],
  program: () => {
    const q = queue("jobs");
    new sqs.QueuePolicy("jobs-policy", {
      queueUrl: q.url,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }],
      }),
    });
  },
};
