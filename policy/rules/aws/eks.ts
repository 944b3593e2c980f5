// AWS EKS rules: the API server is not open to the internet, Kubernetes Secrets are envelope-encrypted
// with KMS, and the control plane logs what it does.
import type { ClusterArgs } from "@pulumi/aws/eks";
import { ResourceRule } from "../../runtime";
import { onInputs, oneOrMany, record, strings } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";

const ALL_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksRules: ResourceRule[] = [
  {
    name: "aws-eks-endpoint-restricted",
    area: "aws",
    severity: "high",
    description:
      "EKS cluster endpoints are private, or public only to listed CIDR blocks (never 0.0.0.0/0, the AWS default).",
    remediationSteps:
      "Set `vpcConfig.endpointPublicAccess: false` and `endpointPrivateAccess: true`, or list your networks in `publicAccessCidrs`.",
    references: ["CKV_AWS_39", "CKV_AWS_38", "AWS FSBP EKS.1"],
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report) => {
      const vpc = record(cluster.vpcConfig);
      if (vpc.endpointPublicAccess === false) return;
      const cidrs = oneOrMany(vpc.publicAccessCidrs).map(String);
      if (cidrs.length === 0 || cidrs.includes("0.0.0.0/0"))
        report(
          "the public endpoint is open to 0.0.0.0/0 (set endpointPublicAccess false or publicAccessCidrs)",
        );
    }),
  },
  {
    name: "aws-eks-secrets-encryption",
    area: "aws",
    severity: "high",
    description: "EKS clusters envelope-encrypt Kubernetes Secrets with a KMS key.",
    remediationSteps: 'Set `encryptionConfig: { resources: ["secrets"], provider: { keyArn: <key ARN> } }`.',
    references: ["CKV_AWS_58", "AWS FSBP EKS.3"],
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report) => {
      const config = record(cluster.encryptionConfig);
      if (!strings(config.resources).includes("secrets") || !isSet(record(config.provider), "keyArn"))
        report("encryptionConfig does not encrypt secrets with a KMS key");
    }),
  },
  {
    name: "aws-eks-control-plane-logging",
    area: "aws",
    severity: "medium",
    description: "EKS clusters send the control-plane log types (by default all five) to CloudWatch.",
    remediationSteps: `Set \`enabledClusterLogTypes: ${JSON.stringify(ALL_LOG_TYPES)}\`.`,
    references: ["CKV_AWS_37", "AWS FSBP EKS.8"],
    configSchema: {
      properties: {
        requiredLogTypes: {
          type: "array",
          items: { type: "string", enum: ALL_LOG_TYPES },
          default: ALL_LOG_TYPES,
          description: "Control-plane log types every cluster must enable (audit at least, for FSBP EKS.8).",
        },
      },
    },
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report, args) => {
      const required = args.getConfig<{ requiredLogTypes?: string[] }>().requiredLogTypes ?? ALL_LOG_TYPES;
      const enabled = strings(cluster.enabledClusterLogTypes);
      const missing = required.filter((t) => !enabled.includes(t));
      if (missing.length > 0) report(`control-plane log types not enabled: ${missing.join(", ")}`);
    }),
  },
];
