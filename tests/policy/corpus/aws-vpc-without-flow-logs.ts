// Corpus: aws vpc without flow logs.
import { CorpusEntry, vpc } from "../kit";

// A VPC nobody can investigate: no flow logs.
export const entry: CorpusEntry = {
  description: "VPC without a FlowLog",
  expect: ["aws-vpc-flow-logs"],
  program: () => {
    vpc("dark", { flowLogs: false });
  },
};
