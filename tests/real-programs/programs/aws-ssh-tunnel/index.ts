// Re-authored after github.com/pulumi/automation-api-examples@124e3e3ed839f1dc026f686e826b6b646d9f136a/nodejs/ssh-tunnel/vpc/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { random } from "../../shims/packages";

const tags = {
  project: pulumi.getProject(),
  stack: pulumi.getStack(),
  Name: `${pulumi.getProject()}-${pulumi.getStack()}`,
};
const config = new pulumi.Config();

// The default VPC and its subnets (getSubnetIds is gone from the v7 SDK: getSubnets with a vpc-id filter).
const vpc = aws.ec2.getVpc({ default: true });
const vpcId = vpc.then((v) => v.id);
const vpcCidr = vpc.then((v) => v.cidrBlock);
const subnets = vpc.then((v) => aws.ec2.getSubnets({ filters: [{ name: "vpc-id", values: [v.id] }] }));

// A bastion reachable over SSH from anywhere.
const ami = aws.ec2
  .getAmi({
    owners: ["099720109477"],
    mostRecent: true,
    filters: [{ name: "name", values: ["ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-*"] }],
  })
  .then((i) => i.id);
const ssh = new aws.ec2.SecurityGroup("bastion", {
  vpcId,
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
  tags,
});
const key = new aws.ec2.KeyPair("bastion", { publicKey: config.require("publicKey") });
const bastion = new aws.ec2.Instance("bastion", {
  instanceType: "t3.small",
  ami,
  subnetId: subnets.then((s) => s.ids[0]),
  vpcSecurityGroupIds: [ssh.id],
  associatePublicIpAddress: true,
  keyName: key.keyName,
  tags,
});

// A private PostgreSQL reachable from the VPC.
const dbSg = new aws.ec2.SecurityGroup("db", {
  vpcId,
  ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [vpcCidr] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [vpcCidr] }],
});
const dbSubnets = new aws.rds.SubnetGroup("db", { subnetIds: subnets.then((s) => s.ids), tags });
const password = new random.RandomPassword("db", { length: 32 });
const db = new aws.rds.Instance("db", {
  engine: "postgres",
  instanceClass: "db.t3.xlarge",
  allocatedStorage: 20,
  dbSubnetGroupName: dbSubnets.id,
  vpcSecurityGroupIds: [dbSg.id],
  publiclyAccessible: false,
  username: "admin2021",
  password: password.get("result") as pulumi.Output<string>,
  skipFinalSnapshot: true,
  tags,
});
export const bastionHost = bastion.publicIp;
export const dbHost = db.address;
export const dbPassword = db.password;
