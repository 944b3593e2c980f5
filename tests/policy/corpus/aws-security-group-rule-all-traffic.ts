// Corpus: aws security group rule all traffic.
import * as ec2 from "@pulumi/aws/ec2";
import { CorpusEntry, securityGroup } from "../kit";

// "All traffic" from anywhere covers RDP and every database port.
export const entry: CorpusEntry = {
  description: "ec2.SecurityGroupRule protocol -1 from 0.0.0.0/0",
  expect: ["aws-ec2-no-public-admin-ports"],
  program: () => {
    const sg = securityGroup("wide");
    new ec2.SecurityGroupRule("wide-in", {
      type: "ingress",
      securityGroupId: sg.id,
      protocol: "-1",
      fromPort: 0,
      toPort: 0,
      cidrBlocks: ["0.0.0.0/0"],
    });
  },
};
