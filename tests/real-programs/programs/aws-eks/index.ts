// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/kubernetes-aws-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import { awsx, eks } from "../../shims/packages";

const config = new pulumi.Config();

// A VPC and an EKS cluster, both components their providers build.
const vpc = new awsx.ec2.Vpc("eks-vpc", {
  enableDnsHostnames: true,
  cidrBlock: config.get("vpcNetworkCidr") ?? "10.0.0.0/16",
});
const cluster = new eks.Cluster("eks-cluster", {
  vpcId: vpc.get("vpcId"),
  authenticationMode: "API",
  publicSubnetIds: vpc.get("publicSubnetIds"),
  privateSubnetIds: vpc.get("privateSubnetIds"),
  instanceType: config.get("eksNodeInstanceType") ?? "t3.medium",
  desiredCapacity: 3,
  minSize: 3,
  maxSize: 6,
  nodeAssociatePublicIpAddress: false,
  endpointPrivateAccess: false,
  endpointPublicAccess: true,
});
export const kubeconfig = cluster.get("kubeconfig");
export const vpcId = vpc.get("vpcId");
