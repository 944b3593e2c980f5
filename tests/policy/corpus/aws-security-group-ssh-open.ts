// Corpus: aws security group ssh open.
import * as ec2 from "@pulumi/aws/ec2";
import { CorpusEntry, TAGS, vpc } from "../kit";

// SSH open to the internet through an inline ingress rule.
export const entry: CorpusEntry = {
  description: "security group with 22/tcp from 0.0.0.0/0",
  expect: ["aws-ec2-no-public-admin-ports"],
  program: () => {
    const v = vpc("main");
    new ec2.SecurityGroup("bastion", {
      vpcId: v.id,
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
      tags: TAGS,
    });
  },
};
