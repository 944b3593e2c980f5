// KubernetesCluster arguments and their pure resolution: the network, the key, the Kubernetes minor, the
// node sizing, who administers the cluster and who may reach its API, every default applied and every
// weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  DerivedName,
  Environment,
  Tags,
  Validator,
  argKeys,
  knownValue,
  parseCidr,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
  weakenedAgainstProfile,
} from "../../core";
import { strictObject } from "../../core/strict";
import { EnvironmentProfile } from "../../core/profiles";
import { IAM_ROLE_NAME_RULE, LOG_GROUP_NAME, autoNamed } from "../naming";
import { awsTags } from "../tags";
import { AWS_SIZES } from "../sizes";
import { IAM_PRINCIPAL_ARN, matchArn } from "../arns";
import { ResolvedCommon, requireVpcAndSubnets, resolvedCommon } from "../common";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { EKS_DEFAULT_VERSION, EKS_KUBERNETES_VERSIONS } from "./versions";

/** The network a cluster is placed in: an `aws.Network`, or its VPC and private subnet ids. */
export interface ClusterNetwork {
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets (2 to 16, in different zones): the control plane's interfaces and the nodes. */
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
}

/** The managed node group's sizing. */
export interface ClusterNodes {
  /**
   * EC2 instance type of the nodes.
   * @default - the profile's: t3.medium (dev), m6i.large (staging, prod)
   */
  readonly instanceType?: string;
  /**
   * Fewest nodes. Below the profile's replica minimum (1 dev, 2 staging, 3 prod) is a weakened default.
   * @default - the profile's: 2 (dev, staging), 3 (prod)
   */
  readonly min?: number;
  /**
   * Most nodes (the cluster autoscaler or Karpenter moves the count between the bounds).
   * @default - the profile's: 3 (dev), 6 (staging), 12 (prod)
   */
  readonly max?: number;
  /**
   * Size of each node's encrypted root volume, GiB.
   * @default - the profile's: 50 (dev, staging), 100 (prod)
   */
  readonly diskSizeGiB?: number;
}

/**
 * Arguments of `KubernetesCluster`. Any other key is refused (naming the closest valid one). The component
 * name is the EKS cluster's name (1-100 letters, digits, hyphens and underscores, starting with a letter or
 * digit) and must make valid IAM role names (`<name>-cluster-role-` plus 7 characters, at most 64).
 */
export interface KubernetesClusterArgs {
  /**
   * Environment profile: zones and node counts, log retention, deletion protection and `protect`.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /** The network: an `aws.Network` (its private subnets are used), or `{ vpcId, privateSubnetIds }`. */
  readonly network: ClusterNetwork;
  /**
   * The key that envelope-encrypts Kubernetes Secrets and encrypts the control-plane log group and the
   * nodes' volumes: an `EncryptionKey` whose `services` include `"logs"`, or a key ARN whose policy lets
   * CloudWatch Logs use it. Required: the pack's customer-managed key decision (docs/adr/0015).
   */
  readonly encryptionKey: EncryptionKey | pulumi.Input<string>;
  /**
   * Kubernetes minor, one of the supported list in facts/aws/eks.json (`EKS_KUBERNETES_VERSIONS`). Raising
   * it upgrades the control plane, the nodes and the add-ons in place, one minor at a time.
   * @default - the newest listed minor
   */
  readonly version?: string;
  /**
   * IAM roles or users (ARNs) given the `AmazonEKSClusterAdminPolicy` through access entries. The
   * creator is never made an administrator implicitly (`bootstrapClusterCreatorAdminPermissions: false`):
   * name the role that deploys, or the Kubernetes provider cannot reach the cluster.
   */
  readonly administrators: pulumi.Input<string>[];
  /**
   * Node group sizing.
   * @default - the profile's
   */
  readonly nodes?: ClusterNodes;
  /**
   * Private ranges allowed to reach the private API endpoint on 443 (a runner or VPN in the VPC or a
   * peered one): one ingress rule each on the cluster security group EKS makes. Never `0.0.0.0/0`.
   * @default - none: only the nodes (in the cluster security group) reach the API
   */
  readonly privateAccessCidrs?: string[];
  /**
   * Turns the public API endpoint on, reachable only from these ranges (the private endpoint stays on).
   * A weakened default, recorded as `publicEndpoint` in the `groundwork-weakened` tag and the `weakened`
   * output. `0.0.0.0/0` (EKS's own default) is refused.
   * @default - none: the public endpoint is off
   */
  readonly publicAccessCidrs?: string[];
  /**
   * Retention of the control-plane log group. Below the profile's is a weakened default.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Pulumi `protect` on the cluster, its node group and its log group. `false` where the profile protects
   * (prod) is a weakened default.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
  /**
   * EKS deletion protection on the cluster (the API refuses to delete it until it is turned off). `false`
   * where the profile turns it on (staging, prod) is a weakened default.
   * @default - the profile's: false (dev), true (staging, prod)
   */
  readonly deletionProtection?: boolean;
}

/** The keys of {@link KubernetesClusterArgs}; any other key is refused. */
export const KUBERNETES_CLUSTER_ARG_KEYS = argKeys<KubernetesClusterArgs>()([
  ...(["environment", "tags", "network", "encryptionKey", "version", "administrators", "nodes"] as const),
  ...(["privateAccessCidrs", "publicAccessCidrs", "logRetentionDays", "protect"] as const),
  "deletionProtection",
]);

const NODE_KEYS = argKeys<ClusterNodes>()(["instanceType", "min", "max", "diskSizeGiB"]);

/** KubernetesCluster arguments with every default applied. */
export interface ResolvedKubernetesClusterArgs extends ResolvedCommon {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly key: KeyChoice;
  readonly version: string;
  readonly administrators: pulumi.Input<string>[];
  readonly instanceType: string;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly diskSizeGiB: number;
  readonly privateAccessCidrs: string[];
  /** Empty when the public endpoint is off. */
  readonly publicAccessCidrs: string[];
  readonly logRetentionDays: number;
  readonly deletionProtection: boolean;
}

/** The EKS cluster name rule (the component name is the cluster's name). */
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** Every physical name made from the component's. */
export function clusterNames(): DerivedName[] {
  return [
    autoNamed("the cluster role", IAM_ROLE_NAME_RULE, "cluster-role"),
    autoNamed("the node role", IAM_ROLE_NAME_RULE, "node-role"),
    autoNamed("the VPC CNI role", IAM_ROLE_NAME_RULE, "vpc-cni-role"),
    autoNamed("the EBS CSI driver role", IAM_ROLE_NAME_RULE, "ebs-csi-role"),
    {
      what: "the control-plane log group",
      rule: LOG_GROUP_NAME,
      prefix: (n) => `/aws/eks/${n}/cluster`,
      random: 0,
    },
  ];
}

/** A list of IPv4 CIDR blocks, none of them every address. */
function cidrList(v: Validator, field: string, value: string[] | undefined, max: number): string[] {
  const cidrs = value ?? [];
  v.stringList(field, cidrs, "a list of IPv4 CIDR blocks (a.b.c.d/n)");
  v.listLength(field, cidrs, 0, max);
  cidrs.forEach((c, i) => {
    const parsed = parseCidr(c);
    if (!parsed) v.fail(`${field}[${i}]`, c, "is not a valid IPv4 CIDR", "a.b.c.d/n");
    if (parsed.prefix === 0)
      v.fail(`${field}[${i}]`, c, "opens the Kubernetes API to every address", "your networks' ranges");
  });
  return cidrs;
}

/** The node group's instance type, bounds and volume size. */
function nodeSizing(v: Validator, nodes: ClusterNodes | undefined, profile: EnvironmentProfile) {
  const given = strictObject(v, "nodes", nodes ?? {}, NODE_KEYS, "the node sizing");
  const sizes = AWS_SIZES[profile.environment];
  const instanceType = given.instanceType ?? sizes.nodeInstanceType;
  if (typeof instanceType !== "string" || !/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(instanceType))
    v.fail("nodes.instanceType", instanceType, "is not an EC2 instance type", "family.size, e.g. m6i.large");
  const min = v.integer("nodes.min", given.min, 1, 450, sizes.nodeMin);
  const max = v.integer("nodes.max", given.max, 1, 450, Math.max(min, sizes.nodeMax));
  if (max < min) v.fail("nodes.max", max, `is below nodes.min (${min})`, `at least ${min}`);
  const diskSizeGiB = v.integer("nodes.diskSizeGiB", given.diskSizeGiB, 20, 16384, sizes.nodeDiskGiB);
  return { instanceType, min, max, diskSizeGiB };
}

/** The Kubernetes minor: one of the supported list. */
function kubernetesVersion(v: Validator, version: string | undefined): string {
  const chosen = version ?? EKS_DEFAULT_VERSION;
  if (!EKS_KUBERNETES_VERSIONS.includes(chosen))
    v.fail(
      "version",
      chosen,
      "is not a Kubernetes minor EKS supports in facts/aws/eks.json",
      `one of ${EKS_KUBERNETES_VERSIONS.join(", ")}`,
    );
  return chosen;
}

/** The administrators: at least one IAM role or user ARN (Outputs pass through). */
function administrators(v: Validator, value: pulumi.Input<string>[] | undefined): pulumi.Input<string>[] {
  const expected = "IAM role or user ARNs to administer the cluster (the role that deploys, at least)";
  v.required("administrators", value, expected);
  if (!Array.isArray(value)) v.fail("administrators", value, "is not a list", expected);
  v.listLength("administrators", value, 1, 20);
  value.forEach((arn, i) => {
    matchArn(v, `administrators[${i}]`, arn, IAM_PRINCIPAL_ARN);
    if (knownValue(arn) !== undefined && /:root$/.test(String(knownValue(arn))))
      v.fail(`administrators[${i}]`, arn, "is an account root", "an IAM role or user ARN");
  });
  return value;
}

/** Resolves KubernetesCluster arguments; throws a GroundworkInputError on bad input. */
export function resolveKubernetesClusterArgs(
  v: Validator,
  args: KubernetesClusterArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedKubernetesClusterArgs {
  strictArgs(v, args, KUBERNETES_CLUSTER_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.KubernetesCluster",
    tags: args.tags,
  });
  if (!EKS_CLUSTER_NAME.test(v.resourceName))
    v.fail(
      "name",
      v.resourceName,
      "is not a valid EKS cluster name",
      "1-100 letters, digits, hyphens and underscores, starting with a letter or digit",
    );
  validateDerivedNames(v, clusterNames());
  v.required("network", args.network, "an aws.Network, or { vpcId, privateSubnetIds }");
  requireVpcAndSubnets(
    v,
    args.network.vpcId,
    args.network.privateSubnetIds,
    "the network's private subnet ids",
  );
  v.required(
    "encryptionKey",
    args.encryptionKey,
    'an EncryptionKey with services including "logs", or a KMS key ARN',
  );
  const key = resolveKeyChoice(v, args.encryptionKey, {
    needsLogs: true,
    create: { services: ["logs"], description: "unused: the key is required" },
  });
  const version = kubernetesVersion(v, args.version);
  const admins = administrators(v, args.administrators);
  const nodes = nodeSizing(v, args.nodes, profile);
  const privateAccessCidrs = cidrList(v, "privateAccessCidrs", args.privateAccessCidrs, 50);
  const publicAccessCidrs = cidrList(v, "publicAccessCidrs", args.publicAccessCidrs, 40);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const deletionProtection = v.boolean(
    "deletionProtection",
    args.deletionProtection,
    profile.deletionProtection,
  );
  const weakened = [
    ...(publicAccessCidrs.length > 0 ? ["publicEndpoint"] : []),
    ...weakenedAgainstProfile(profile, {
      minCapacity: nodes.min,
      logRetentionDays: retention,
      protect,
      deletionProtection,
    }),
  ];
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    vpcId: args.network.vpcId,
    subnetIds: args.network.privateSubnetIds,
    key,
    version,
    administrators: admins,
    instanceType: nodes.instanceType,
    minNodes: nodes.min,
    maxNodes: nodes.max,
    diskSizeGiB: nodes.diskSizeGiB,
    privateAccessCidrs,
    publicAccessCidrs,
    logRetentionDays: retention,
    deletionProtection,
  };
}
