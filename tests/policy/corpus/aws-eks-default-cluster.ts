// Corpus: aws eks default cluster.
import * as eks from "@pulumi/aws/eks";
import { CorpusEntry, TAGS } from "../kit";

// EKS cluster with the defaults: public endpoint, plain secrets, no control-plane logs, the aws-auth ConfigMap.
export const entry: CorpusEntry = {
  description:
    "EKS cluster with the defaults: public endpoint, plain secrets, no control-plane logs, aws-auth",
  expect: [
    "aws-eks-endpoint-restricted",
    "aws-eks-secrets-encryption",
    "aws-eks-control-plane-logging",
    "aws-eks-authentication-mode-api",
  ],
  program: () => {
    new eks.Cluster("main", {
      roleArn: "arn:aws:iam::123456789012:role/eks",
      vpcConfig: { subnetIds: ["subnet-0a", "subnet-0b"] },
      tags: TAGS,
    });
  },
};
