// Corpus: aws vpc default security group unmanaged.
import { CorpusEntry, vpc } from "../kit";

// The default security group is left as AWS creates it (all traffic between members).
export const entry: CorpusEntry = {
  description: "VPC without a managed DefaultSecurityGroup",
  expect: ["aws-vpc-default-security-group"],
  program: () => {
    vpc("plain", { defaultSg: false });
  },
};
