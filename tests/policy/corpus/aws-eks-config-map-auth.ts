// Corpus: aws eks config map auth.
import { CorpusEntry, TAGS } from "../kit";
import * as eks from "@pulumi/aws/eks";

// An otherwise hardened cluster that still honours the aws-auth ConfigMap beside access entries.
export const entry: CorpusEntry = {
  description: "EKS cluster on API_AND_CONFIG_MAP authentication",
  expect: ["aws-eks-authentication-mode-api"],
  program: () => {
    new eks.Cluster("legacy", {
      roleArn: "arn:aws:iam::123456789012:role/eks",
      vpcConfig: {
        subnetIds: ["subnet-0a", "subnet-0b"],
        endpointPrivateAccess: true,
        endpointPublicAccess: false,
      },
      encryptionConfig: {
        resources: ["secrets"],
        provider: { keyArn: "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666" },
      },
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
      accessConfig: { authenticationMode: "API_AND_CONFIG_MAP" },
      tags: TAGS,
    });
  },
};
