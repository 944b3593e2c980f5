// Corpus: aws ingress rule postgres ipv6.
import * as awsvpc from "@pulumi/aws/vpc";
import { CorpusEntry, securityGroup } from "../kit";

// A standalone ingress rule opening PostgreSQL to every IPv6 address.
export const entry: CorpusEntry = {
  description: "vpc.SecurityGroupIngressRule 5432 from ::/0",
  expect: ["aws-ec2-no-public-admin-ports"],
  program: () => {
    const sg = securityGroup("db");
    new awsvpc.SecurityGroupIngressRule("db-any", {
      securityGroupId: sg.id,
      ipProtocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      cidrIpv6: "::/0",
    });
  },
};
