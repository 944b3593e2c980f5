// Corpus: aws eks node group ssh.
import * as eks from "@pulumi/aws/eks";
import { CorpusEntry, TAGS } from "../kit";

// A managed node group with an SSH key and no source security group: port 22 from anywhere.
export const entry: CorpusEntry = {
  description: "EKS managed node group with remote access (SSH) open to everyone",
  expect: ["aws-eks-node-group-no-remote-access"],
  program: () => {
    new eks.NodeGroup("workers", {
      clusterName: "main",
      nodeRoleArn: "arn:aws:iam::123456789012:role/eks-nodes",
      subnetIds: ["subnet-0a", "subnet-0b"],
      scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 4 },
      remoteAccess: { ec2SshKey: "ops" },
      tags: TAGS,
    });
  },
};
