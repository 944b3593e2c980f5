// AWS EKS cluster rules: the API server is not open to the internet, Kubernetes Secrets are
// envelope-encrypted with KMS, the control plane logs what it does, access goes through access entries only,
// and the Kubernetes minor is one EKS still supports. Node group rules are in ./eks-nodes.ts.
import type { ClusterArgs } from "@pulumi/aws/eks";
import { ResourceRule } from "../../runtime";
import { onInputs, oneOrMany, record, strings } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

const ALL_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/**
 * The oldest Kubernetes minor the pack knows EKS to support: the oldest of facts/aws/eks.json, whose calendar
 * source is https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (a test keeps the two
 * equal). Older minors are past standard support: paid extended support, then a forced upgrade.
 */
export const OLDEST_SUPPORTED_EKS_VERSION = "1.33";

/** A `1.x` minor as a number (33 for "1.33"), or undefined for anything else. */
function minorOf(version: unknown): number | undefined {
  const m = /^1\.(\d+)$/.exec(String(version));
  return m ? Number(m[1]) : undefined;
}

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
    description:
      "EKS clusters envelope-encrypt Kubernetes Secrets under a customer-managed KMS key. From Kubernetes 1.28 EKS " +
      "envelope-encrypts all API data under an AWS-owned key by default; `customerManagedKey: false` accepts that.",
    remediationSteps: 'Set `encryptionConfig: { resources: ["secrets"], provider: { keyArn: <key ARN> } }`.',
    references: [
      "CKV_AWS_58",
      "AWS FSBP EKS.3",
      "CIS EKS 5.3.1",
      "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
    ],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report, args) => {
      const config = record(cluster.encryptionConfig);
      if (strings(config.resources).includes("secrets") && isSet(record(config.provider), "keyArn")) return;
      // An unset version is EKS's current default, 1.28 or later.
      const [major, minor] = String(cluster.version ?? "1.99")
        .split(".")
        .map(Number);
      if (major === 1 && minor < 28)
        report(
          `version ${cluster.version}: Secrets are stored without envelope encryption (the EKS default from 1.28)`,
        );
      else if (asksForKey(args, record(cluster.tags).environment))
        report(
          `encryptionConfig names no KMS key: Secrets are envelope-encrypted under an AWS-owned key; ${CMK_KNOB_HINT}`,
        );
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
  {
    name: "aws-eks-authentication-mode-api",
    area: "aws",
    severity: "high",
    description:
      'EKS clusters authenticate through access entries only (`accessConfig.authenticationMode: "API"`): no ' +
      "aws-auth ConfigMap, which anyone who can edit kube-system objects can rewrite to map an IAM principal to " +
      "system:masters, and whose grants CloudTrail and IAM do not show.",
    remediationSteps:
      'Set `accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false }` and grant ' +
      "administrators with `aws.eks.AccessEntry` and `AccessPolicyAssociation` (a cluster on CONFIG_MAP moves to " +
      "API_AND_CONFIG_MAP, then API, in place).",
    references: [
      "CIS EKS 5.5.1",
      "https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html",
      "https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html",
    ],
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report) => {
      const mode = record(cluster.accessConfig).authenticationMode;
      if (mode === "API") return;
      report(
        mode === undefined
          ? "accessConfig.authenticationMode is not set: EKS keeps the aws-auth ConfigMap (CONFIG_MAP)"
          : `accessConfig.authenticationMode is ${JSON.stringify(mode)}: the aws-auth ConfigMap still grants access`,
      );
    }),
  },
  {
    name: "aws-eks-supported-version",
    area: "aws",
    severity: "low",
    description:
      `EKS clusters pin a Kubernetes minor EKS still supports (${OLDEST_SUPPORTED_EKS_VERSION} or newer, from the EKS ` +
      "release calendar as of this pack): older minors run on paid extended support until EKS upgrades them itself. " +
      "An unset version is EKS's newest and passes.",
    remediationSteps: `Set \`version\` to ${OLDEST_SUPPORTED_EKS_VERSION} or newer, upgrading one minor at a time.`,
    references: ["CKV_AWS_339", "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html"],
    validateResource: onInputs<ClusterArgs>(T.eksCluster, (cluster, report) => {
      if (cluster.version === undefined) return;
      const minor = minorOf(cluster.version);
      const oldest = minorOf(OLDEST_SUPPORTED_EKS_VERSION) as number;
      if (minor === undefined)
        report(`version ${JSON.stringify(cluster.version)} is not a Kubernetes minor (1.x)`);
      else if (minor < oldest)
        report(
          `version ${cluster.version} is past EKS standard support (the oldest supported is ${OLDEST_SUPPORTED_EKS_VERSION})`,
        );
    }),
  },
];
