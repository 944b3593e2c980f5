// KubernetesCluster (GKE) arguments and their pure resolution: placement, key, version and channel, node
// sizing and zones, the endpoint's exposure and protection decided, every default applied and every
// weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Validator,
  argKeys,
  isDeferred,
  parseCidr,
  protectStateful,
  strictArgs,
  strictObject,
  validateDerivedNames,
  weakenedAgainstProfile,
} from "../../core";
import { Labels, ResolvedGcpCommon, resolvedGcpCommon } from "../common";
import { CRYPTO_KEY_ID } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { checkKeyLocation, checkNetworkRegion, locationOfKeyId, validateRegion } from "../locations";
import { GKE_NAME, gcpAutoNamed, serviceAccountIdFor } from "../naming";
import { Network } from "../network";
import { GCP_SIZES } from "../sizes";
import { GKE_DEFAULT_VERSION, GKE_RELEASE_CHANNELS, GKE_VERSIONS, GkeReleaseChannel } from "./versions";

/**
 * The network a cluster runs in: a `Network` made with `kubernetesRanges`, or the ids of a network, a
 * subnet and the names of the subnet's secondary ranges for Pods and Services.
 */
export type ClusterNetwork =
  | Network
  | {
      readonly networkId: pulumi.Input<string>;
      readonly subnetId: pulumi.Input<string>;
      readonly podsRangeName: pulumi.Input<string>;
      readonly servicesRangeName: pulumi.Input<string>;
    };

/** The node pool's machines, per zone. */
export interface ClusterNodes {
  /**
   * Compute Engine machine type (`e2-standard-4`). Changed in place, node by node (surge upgrade).
   * @default - `GCP_SIZES[environment].nodeMachineType`
   */
  readonly machineType?: string;
  /**
   * Fewest nodes per zone the autoscaler keeps, 0 to 100.
   * @default - `GCP_SIZES[environment].nodesPerZone.min`
   */
  readonly min?: number;
  /**
   * Most nodes per zone, at least `min` and 1, at most 1000.
   * @default - `GCP_SIZES[environment].nodesPerZone.max`
   */
  readonly max?: number;
  /**
   * Boot disk size per node (GB), 20 to 2000.
   * @default - `GCP_SIZES[environment].nodeDiskGb`
   */
  readonly diskSizeGb?: number;
}

/**
 * Arguments of `KubernetesCluster` (GKE Standard). Any other key is refused (naming the closest valid one).
 * The cluster is auto-named `<name>-cluster-` plus 7 random characters and its node pool `<name>-nodes-`
 * plus 7, each of which must make a valid GKE name (at most 40 characters).
 */
export interface KubernetesClusterArgs {
  /**
   * Environment profile: node sizes and zones, release channel, deletion protection and `protect`.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra labels for the cluster and its nodes. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork labels
   */
  readonly labels?: Labels;
  /**
   * The network: a `Network` with `kubernetesRanges` (its private subnet and the `pods` and `services`
   * secondary ranges), or `{ networkId, subnetId, podsRangeName, servicesRangeName }`.
   */
  readonly network: ClusterNetwork;
  /**
   * The cluster's region, one of `GCP_REGIONS`: the cluster is regional (its control plane replicated
   * across the region's zones) in every environment, so a profile change never moves it. With a `Network`,
   * it must be the Network's region. Fixed at creation: another region is a new cluster.
   * @default - the Network's region when a Network is given, else the provider's (`gcp:region`)
   */
  readonly region?: pulumi.Input<string>;
  /**
   * The customer-managed key for the cluster's Secrets (application-layer encryption) and its nodes' boot
   * disks: an `EncryptionKey` or a crypto key id, in the cluster's region. The GKE and Compute Engine
   * service agents are granted on it before the cluster exists. Required (docs/adr/0015).
   */
  readonly encryptionKey: EncryptionKey | pulumi.Input<string>;
  /**
   * The Kubernetes minor the control plane runs at least (`minMasterVersion`), one of the minors the
   * release channel offers (`GKE_VERSIONS`). The channel upgrades past it; raising it upgrades in place.
   * @default - `GKE_DEFAULT_VERSION`, the newest minor every channel offers
   */
  readonly version?: string;
  /**
   * The release channel GKE upgrades the cluster and its nodes along: `REGULAR` or `STABLE`. Changed in
   * place.
   * @default - "STABLE" in prod, "REGULAR" elsewhere (dev sees each minor before prod does)
   */
  readonly releaseChannel?: GkeReleaseChannel;
  /**
   * The node pool's machines and autoscaling bounds per zone. The node count itself belongs to the
   * autoscaler, and is never set again after the pool is created.
   * @default - the profile's sizes (`GCP_SIZES`)
   */
  readonly nodes?: ClusterNodes;
  /**
   * How many of the region's zones the node pool spans, 1 to 4 (the region's first zones in name order, as
   * Compute Engine lists them; a region with fewer zones gives all it has). Adding one adds nodes in place. Fewer than the profile's is a weakened default,
   * recorded in the `groundwork-weakened` label and the `weakened` output.
   * @default - the profile's: 2 (dev, staging), 3 (prod)
   */
  readonly zones?: number;
  /**
   * Turn the control plane's public endpoint on, admitting only these IPv4 CIDRs (at most 50; never
   * `0.0.0.0/0` or another /0). A weakened default, recorded in the `groundwork-weakened` label and the
   * `weakened` output. Changed in place.
   * @default - none: the endpoint is private (reachable from the network only)
   */
  readonly authorizedNetworks?: string[];
  /**
   * GKE's own deletion protection (the provider refuses to delete the cluster). `false` where the profile
   * has it on (staging, prod) is a weakened default, recorded in the `groundwork-weakened` label and the
   * `weakened` output.
   * @default - true in staging and prod, false in dev (the provider's own default, true, is overridden)
   */
  readonly deletionProtection?: boolean;
  /**
   * Pulumi `protect` on the cluster and its node pool. `false` where the profile protects (prod) is a
   * weakened default, recorded in the `groundwork-weakened` label and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link KubernetesClusterArgs}, checked against it by the compiler; any other key is refused. */
export const KUBERNETES_CLUSTER_ARG_KEYS = argKeys<KubernetesClusterArgs>()([
  ...(["environment", "labels", "network", "region", "encryptionKey", "version"] as const),
  ...(["releaseChannel", "nodes", "zones", "authorizedNetworks", "deletionProtection", "protect"] as const),
]);

/** KubernetesCluster arguments with every default applied. */
export interface ResolvedKubernetesClusterArgs extends ResolvedGcpCommon {
  readonly networkId: pulumi.Input<string>;
  readonly subnetId: pulumi.Input<string>;
  readonly podsRangeName: pulumi.Input<string>;
  readonly servicesRangeName: pulumi.Input<string>;
  readonly region: pulumi.Input<string> | undefined;
  readonly key:
    | { readonly kind: "component"; readonly key: EncryptionKey }
    | {
        readonly kind: "id";
        readonly id: pulumi.Input<string>;
      };
  readonly version: string;
  readonly releaseChannel: GkeReleaseChannel;
  readonly machineType: string;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly diskSizeGb: number;
  readonly zones: number;
  /** The public endpoint's allowed CIDRs; empty when the endpoint is private. */
  readonly authorizedNetworks: string[];
  readonly deletionProtection: boolean;
  readonly nodeServiceAccountId: string;
}

const NETWORK_EXPECTED =
  "a Network with kubernetesRanges, or { networkId, subnetId, podsRangeName, servicesRangeName }";

function placement(v: Validator, args: KubernetesClusterArgs) {
  validateRegion(v, "region", args.region);
  const network = v.required("network", args.network, NETWORK_EXPECTED);
  if (network instanceof Network) {
    const { regionName, kubernetesRangeNames } = network;
    if (kubernetesRangeNames === undefined)
      v.fail("network", network.cidrBlock, "has no secondary ranges for Pods and Services", NETWORK_EXPECTED);
    checkNetworkRegion(v, args.region, regionName, "a cluster's nodes live in its subnet's region");
    return {
      networkId: network.networkId,
      subnetId: network.privateSubnetId,
      podsRangeName: kubernetesRangeNames.pods,
      servicesRangeName: kubernetesRangeNames.services,
      region: args.region ?? network.region,
      regionName: args.region ?? regionName,
    };
  }
  const fields = ["networkId", "subnetId", "podsRangeName", "servicesRangeName"] as const;
  const ids = strictObject(v, "network", network, fields, NETWORK_EXPECTED);
  for (const field of fields) {
    v.required(`network.${field}`, ids[field], NETWORK_EXPECTED);
    v.stringInput(`network.${field}`, ids[field], NETWORK_EXPECTED);
  }
  return { ...ids, region: args.region, regionName: args.region };
}

function encryptionKey(v: Validator, value: KubernetesClusterArgs["encryptionKey"], region: unknown) {
  const expected =
    "an EncryptionKey or a crypto key id (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>)";
  const key = v.required("encryptionKey", value, `${expected}: a cluster's Secrets are encrypted with it`);
  const dataRegion = typeof region === "string" ? region : undefined;
  if (key instanceof EncryptionKey) {
    checkKeyLocation(v, "encryptionKey", "container", dataRegion, key.locationName);
    return { kind: "component" as const, key };
  }
  if (typeof key === "string") {
    if (!CRYPTO_KEY_ID.test(key)) v.fail("encryptionKey", key, "is not a crypto key id", expected);
    checkKeyLocation(v, "encryptionKey", "container", dataRegion, locationOfKeyId(key));
  } else if (!isDeferred(key)) v.fail("encryptionKey", key, "is not a key id or an EncryptionKey", expected);
  // An Output (a key from another stack) is checked once known; the children take the checked value.
  return { kind: "id" as const, id: v.matches("encryptionKey", key, CRYPTO_KEY_ID, expected) };
}

function versioning(v: Validator, args: KubernetesClusterArgs, profile: EnvironmentProfile) {
  const fallback: GkeReleaseChannel = profile.environment === "prod" ? "STABLE" : "REGULAR";
  const channel = v.oneOf("releaseChannel", args.releaseChannel, GKE_RELEASE_CHANNELS, fallback);
  const offered = GKE_VERSIONS[channel];
  const version = v.oneOf("version", args.version, offered, GKE_DEFAULT_VERSION);
  return { releaseChannel: channel, version };
}

function nodes(v: Validator, args: KubernetesClusterArgs, profile: EnvironmentProfile) {
  const sizes = GCP_SIZES[profile.environment];
  const n = args.nodes === undefined ? {} : strictObject(v, "nodes", args.nodes, NODE_KEYS, "the node pool");
  const machineType = n.machineType ?? sizes.nodeMachineType;
  v.matches(
    "nodes.machineType",
    machineType,
    /^[a-z][a-z0-9]*-[a-z0-9-]+$/,
    "a machine type such as e2-standard-4",
  );
  const minNodes = v.integer("nodes.min", n.min, 0, 100, sizes.nodesPerZone.min);
  const maxNodes = v.integer(
    "nodes.max",
    n.max,
    Math.max(1, minNodes),
    1000,
    Math.max(sizes.nodesPerZone.max, minNodes, 1),
  );
  const diskSizeGb = v.integer("nodes.diskSizeGb", n.diskSizeGb, 20, 2000, sizes.nodeDiskGb);
  return { machineType, minNodes, maxNodes, diskSizeGb };
}

const NODE_KEYS = ["machineType", "min", "max", "diskSizeGb"] as const;

function authorizedNetworks(v: Validator, value: string[] | undefined): string[] {
  if (value === undefined) return [];
  const expected = "a list of 1 to 50 IPv4 CIDRs, none of them /0";
  v.listLength("authorizedNetworks", value, 1, 50);
  value.forEach((cidr, i) => {
    const block = typeof cidr === "string" ? parseCidr(cidr) : undefined;
    if (block === undefined) v.fail(`authorizedNetworks[${i}]`, cidr, "is not an IPv4 CIDR", expected);
    if (block.prefix === 0)
      v.fail(`authorizedNetworks[${i}]`, cidr, "admits every address on the internet", expected);
  });
  return [...new Set(value)].sort();
}

/** Resolves KubernetesCluster arguments; throws a GroundworkInputError on bad input. */
export function resolveKubernetesClusterArgs(
  v: Validator,
  args: KubernetesClusterArgs,
  profile: EnvironmentProfile,
  inheritedProtect = false,
): ResolvedKubernetesClusterArgs {
  strictArgs(v, args, KUBERNETES_CLUSTER_ARG_KEYS);
  validateDerivedNames(v, [
    gcpAutoNamed("the cluster", GKE_NAME, "cluster"),
    gcpAutoNamed("the node pool", GKE_NAME, "nodes"),
  ]);
  const { regionName, ...place } = placement(v, args);
  const key = encryptionKey(v, args.encryptionKey, regionName);
  const versions = versioning(v, args, profile);
  const pool = nodes(v, args, profile);
  const zones = v.integer("zones", args.zones, 1, 4, profile.zoneCount);
  const authorized = authorizedNetworks(v, args.authorizedNetworks);
  const deletionProtection = v.boolean(
    "deletionProtection",
    args.deletionProtection,
    profile.deletionProtection,
  );
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const weakened = [
    ...(authorized.length > 0 ? ["authorizedNetworks"] : []),
    ...weakenedAgainstProfile(profile, { zones, deletionProtection, protect }),
  ];
  return {
    ...resolvedGcpCommon(
      v,
      profile,
      { component: "gcp.KubernetesCluster", labels: args.labels, protect },
      weakened,
    ),
    ...place,
    key,
    ...versions,
    ...pool,
    zones,
    authorizedNetworks: authorized,
    deletionProtection,
    nodeServiceAccountId: serviceAccountIdFor(v, "nodes"),
  };
}
