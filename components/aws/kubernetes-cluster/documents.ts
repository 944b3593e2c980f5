// The IAM documents a KubernetesCluster attaches, as plain functions of plain values (unit-tested without
// an engine): the trust policies of its roles and the key use EKS, the EBS CSI driver and Auto Scaling need.
import { PolicyDocument, PolicyStatement } from "../documents";

/** The AWS managed policies each role gets, and nothing else: the least EKS documents for each. */
export const MANAGED_POLICIES = {
  /** https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html */
  cluster: ["AmazonEKSClusterPolicy"],
  /**
   * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html: the worker policy and image
   * pulls only (`PullOnly`, narrower than `ReadOnly`). No `AmazonEKS_CNI_Policy`: the VPC CNI gets its
   * own role through EKS Pod Identity, so pods on the node never hold it.
   */
  node: ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"],
  /** https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html */
  vpcCni: ["AmazonEKS_CNI_Policy"],
  /** https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html */
  ebsCsi: ["AmazonEBSCSIDriverPolicy"],
} as const;

/** A managed policy's ARN in a partition. */
export function managedPolicyArn(partition: string, policy: string): string {
  return `arn:${partition}:iam::aws:policy/${policy}`;
}

/** A trust policy for an AWS service principal; EKS Pod Identity also tags the session. */
export function serviceTrustPolicy(service: string): PolicyDocument {
  const actions =
    service === "pods.eks.amazonaws.com" ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole";
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: actions }],
  };
}

/**
 * What the cluster role needs on the Secrets key: EKS encrypts and decrypts the data keys of Kubernetes
 * Secrets with it (https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html).
 */
export function clusterKeyPolicy(keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "EnvelopeEncryption",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
        Resource: keyArn,
      },
    ],
  };
}

/**
 * What the EBS CSI driver needs to create and attach volumes encrypted with the key: data keys, and grants
 * for EC2 only (https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html, "KMS encryption").
 */
export function ebsCsiKeyPolicy(keyArn: string): PolicyDocument {
  const grants: PolicyStatement = {
    Sid: "GrantsForEbs",
    Effect: "Allow",
    Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
    Resource: keyArn,
    Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
  };
  return {
    Version: "2012-10-17",
    Statement: [
      grants,
      {
        Sid: "VolumeKeys",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: keyArn,
      },
    ],
  };
}

/** The service-linked role EC2 Auto Scaling launches node instances (and their encrypted volumes) as. */
export function autoScalingRoleArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}

/**
 * The key operations Auto Scaling needs to launch instances with volumes encrypted under a customer key
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 */
export const AUTOSCALING_KEY_OPERATIONS = [
  "Encrypt",
  "Decrypt",
  "ReEncryptFrom",
  "ReEncryptTo",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
  "DescribeKey",
  "CreateGrant",
] as const;

/** The exec-credential kubeconfig of a cluster: `aws eks get-token`, never a stored token or certificate. */
export function kubeconfig(c: {
  readonly name: string;
  readonly endpoint: string;
  readonly certificateAuthority: string;
  readonly region: string;
}): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: c.name, cluster: { server: c.endpoint, "certificate-authority-data": c.certificateAuthority } },
    ],
    contexts: [{ name: c.name, context: { cluster: c.name, user: c.name } }],
    "current-context": c.name,
    users: [
      {
        name: c.name,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", c.name, "--region", c.region, "--output", "json"],
            interactiveMode: "Never",
          },
        },
      },
    ],
  });
}
