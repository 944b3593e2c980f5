// Corpus: aws vpc default security group open.
import { CorpusEntry, vpc } from "../kit";

// The default security group keeps an allow-all rule between members.
export const entry: CorpusEntry = {
  description: "DefaultSecurityGroup with rules",
  expect: ["aws-vpc-default-security-group"],
  program: () => {
    vpc("legacy", { defaultSg: { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] } });
  },
};
