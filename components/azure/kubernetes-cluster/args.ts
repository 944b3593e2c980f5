// KubernetesCluster (Azure) arguments and their pure resolution: the version checked against the AKS list,
// pool sizes and zones from the profile, the address ranges AKS takes checked and kept apart, the one
// weakening (a public API server for named ranges) named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  Validator,
  argKeys,
  formatCidr,
  overlaps,
  parseCidr,
  shortHash,
  strictObject,
} from "../../core";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { EncryptionKey } from "../encryption-key";
import { resolveWorkspace } from "../logs";
import { Network, networkWithTier } from "../network";
import { AKS_DEFAULT_VERSION, AKS_KUBERNETES_VERSIONS } from "./kubeconfig";
import { validateNameFor } from "../../core/naming";
import { AKS_CLUSTER_COMPONENT_NAME } from "../naming";

/** The workload node pool's size: a VM size with a local disk that holds the ephemeral OS disk, and bounds. */
export interface KubernetesClusterNodes {
  /**
   * The VM size (`Standard_D4ds_v5`): one with a local (cache or temp) disk of at least the OS disk's size
   * (48 GiB in dev, 64 elsewhere), the `d` sizes, since the OS disk is ephemeral.
   * @default - the profile's: Standard_D2ds_v5 in dev, Standard_D4ds_v5 elsewhere
   */
  readonly vmSize?: string;
  /** Fewest nodes the autoscaler keeps; below the profile's replica minimum is a weakened default. @default - 1 in dev, 2 in staging, 3 in prod */
  readonly min?: number;
  /** Most nodes the autoscaler adds. @default - 3 in dev, 6 in staging, 10 in prod */
  readonly max?: number;
}

export interface KubernetesClusterArgs extends AzureCommonArgs {
  /**
   * The network the nodes join (its `private` tier) and egress from (its NAT gateway, so it needs
   * `nat: true`); the API server gets a delegated `/28` of its address space.
   */
  readonly network: Network;
  /**
   * The key that encrypts Kubernetes Secrets in etcd (AKS KMS), reached over Private Link: the cluster's
   * identity is granted "Key Vault Crypto User" on the key and "Key Vault Contributor" on the vault (to make
   * the private endpoint) before the cluster exists.
   */
  readonly encryptionKey: EncryptionKey;
  /**
   * The Kubernetes minor (`"1.35"`), one of AKS's generally available minors as facts/azure/aks.json lists
   * them; AKS runs its newest patch and the `patch` auto-upgrade channel keeps it there. Raise it one minor
   * at a time: AKS refuses skipped minors.
   * @default - the newest listed minor
   */
  readonly version?: string;
  /** The workload node pool. @default - the profile's size and bounds */
  readonly nodes?: KubernetesClusterNodes;
  /** The system node pool's VM size (critical add-ons only). @default - Standard_D2ds_v5 in dev, Standard_D4ds_v5 elsewhere */
  readonly systemVmSize?: string;
  /**
   * Availability zones of both node pools (`"1"`, `"2"`, `"3"`). Fewer than the profile's zone count in
   * staging or prod is a weakened default. A pool's zones are fixed at creation: changing them makes a new
   * workload pool (the old one is drained and deleted after), and the system pool keeps its own.
   * @default - none (regional placement) in dev; the first `zoneCount` of 1-3 in staging and prod
   */
  readonly zones?: string[];
  /**
   * The API server public, but only to these IPv4 ranges (your CI's and operators' egress): a recorded
   * weakening (`publicApiServer`). Never the whole internet. Without it the API server is private, reached
   * from the network (or networks peered with it) only.
   * @default - none: a private cluster
   */
  readonly authorizedIpRanges?: string[];
  /**
   * Entra group object ids whose members are cluster administrators (Kubernetes `cluster-admin`). Anyone
   * else needs an Azure role ("Azure Kubernetes Service RBAC …") on the cluster.
   * @default - none
   */
  readonly administratorGroups?: string[];
  /** Pods' address range (Azure CNI overlay: not taken from the network). @default "192.168.0.0/16" */
  readonly podCidr?: string;
  /** Services' address range; the DNS service gets its tenth address. @default "172.16.0.0/16" */
  readonly serviceCidr?: string;
  /**
   * The `/28` (or larger) of the network's address space delegated to the API server (API Server VNet
   * Integration, which KMS with a private key vault needs), behind an NSG of its own (`<name>-apiserver-nsg`).
   * Must be outside every tier's subnet.
   * @default - the last /28 of the network's address space, which the network's tier plan leaves free
   */
  readonly apiServerSubnetCidr?: string;
  /**
   * The Log Analytics workspace the control-plane logs (API server, audit of changes, controller manager,
   * scheduler, autoscaler, Entra guard) go to.
   * @default - the network's workspace
   */
  readonly logWorkspaceId?: pulumi.Input<string>;
  /**
   * Encryption at host (OS and temp disks and caches encrypted on the VM host). Needs the subscription's
   * `Microsoft.Compute/EncryptionAtHost` feature; `false` is a recorded weakening.
   * @default true
   */
  readonly encryptionAtHost?: boolean;
  /**
   * The Microsoft Defender for Containers sensor, reporting to the log workspace. Needs the subscription's
   * Defender for Containers plan (billed per vCore), so off unless asked.
   * @default false
   */
  readonly defender?: boolean;
}

/** The keys of {@link KubernetesClusterArgs}, checked against it by the compiler; any other key is refused. */
export const KUBERNETES_CLUSTER_ARG_KEYS = argKeys<KubernetesClusterArgs>()([
  ...AZURE_COMMON_KEYS,
  ...(["network", "encryptionKey", "version", "nodes", "systemVmSize", "zones"] as const),
  ...([
    "authorizedIpRanges",
    "administratorGroups",
    "podCidr",
    "serviceCidr",
    "apiServerSubnetCidr",
  ] as const),
  ...(["logWorkspaceId", "encryptionAtHost", "defender"] as const),
]);

const NODE_KEYS = ["vmSize", "min", "max"] as const;
const ZONES = ["1", "2", "3"] as const;
const VM_SIZE = /^Standard_[A-Za-z0-9_]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ranges that admit the whole IPv4 internet (or half of it). */
const OPEN_RANGES = ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1"];

/** Sizes by environment: dev smaller, never weaker. */
const CLUSTER_SIZES: {
  readonly [E in Environment]: {
    vmSize: string;
    min: number;
    max: number;
    osDiskGiB: number;
    skuTier: "Free" | "Standard";
  };
} = {
  // The Free tier has no uptime SLA: availability, not security, so dev takes it (the profile, not a weakening).
  dev: { vmSize: "Standard_D2ds_v5", min: 1, max: 3, osDiskGiB: 48, skuTier: "Free" },
  staging: { vmSize: "Standard_D4ds_v5", min: 2, max: 6, osDiskGiB: 64, skuTier: "Standard" },
  prod: { vmSize: "Standard_D4ds_v5", min: 3, max: 10, osDiskGiB: 64, skuTier: "Standard" },
};

/** One node pool as resolved. */
export interface ResolvedPool {
  readonly vmSize: string;
  readonly min: number;
  readonly max: number;
}

/** KubernetesCluster arguments with every default applied. */
export interface ResolvedKubernetesClusterArgs extends AzureResolved {
  readonly network: Network;
  readonly encryptionKey: EncryptionKey;
  readonly version: string;
  readonly skuTier: "Free" | "Standard";
  readonly zones: string[];
  readonly nodes: ResolvedPool;
  readonly system: ResolvedPool;
  readonly osDiskGiB: number;
  /**
   * The workload pool's AKS name: `wk` and a hash of what AKS fixes at a pool's creation (size, zones, OS
   * disk, host encryption), so changing any of them makes a new pool beside the old one.
   */
  readonly poolName: string;
  readonly authorizedIpRanges: string[] | undefined;
  readonly administratorGroups: string[];
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  readonly apiServerSubnetCidr: string | undefined;
  readonly logWorkspaceId: pulumi.Input<string>;
  readonly encryptionAtHost: boolean;
  readonly defender: boolean;
}

/** A plain IPv4 CIDR, normalised; throws on anything else. */
function cidr(v: Validator, field: string, value: unknown, expected: string): string {
  const block = typeof value === "string" ? parseCidr(value) : undefined;
  if (block === undefined) v.fail(field, value, "is not an IPv4 CIDR", expected);
  if (formatCidr(block) !== value)
    v.fail(field, value, "has host bits set", `the network address, ${formatCidr(block)}`);
  return value;
}

function overlapping(a: string, b: string): boolean {
  const [x, y] = [parseCidr(a), parseCidr(b)];
  return x !== undefined && y !== undefined && overlaps(x, y);
}

/** The pod and service ranges, apart from each other, and the DNS service's address. */
function resolveRanges(
  v: Validator,
  args: KubernetesClusterArgs,
): Pick<ResolvedKubernetesClusterArgs, "podCidr" | "serviceCidr" | "dnsServiceIp" | "apiServerSubnetCidr"> {
  const podCidr = cidr(v, "podCidr", args.podCidr ?? "192.168.0.0/16", "an IPv4 CIDR such as 192.168.0.0/16");
  const serviceCidr = cidr(v, "serviceCidr", args.serviceCidr ?? "172.16.0.0/16", "an IPv4 CIDR, /12 to /24");
  const service = parseCidr(serviceCidr);
  if (service === undefined || service.prefix < 12 || service.prefix > 24)
    v.fail("serviceCidr", serviceCidr, "is outside the sizes AKS takes", "an IPv4 CIDR, /12 to /24");
  if (overlapping(podCidr, serviceCidr))
    v.fail("serviceCidr", serviceCidr, `overlaps podCidr ${podCidr}`, "a range apart from the pods'");
  const apiServerSubnetCidr =
    args.apiServerSubnetCidr === undefined
      ? undefined
      : cidr(v, "apiServerSubnetCidr", args.apiServerSubnetCidr, "an IPv4 CIDR of /28 or larger");
  if (apiServerSubnetCidr !== undefined && (parseCidr(apiServerSubnetCidr)?.prefix ?? 0) > 28)
    v.fail("apiServerSubnetCidr", apiServerSubnetCidr, "is smaller than AKS takes", "a /28 or larger");
  const dns = service.base + 10;
  const dnsServiceIp = [24, 16, 8, 0].map((shift) => (dns >>> shift) & 255).join(".");
  return { podCidr, serviceCidr, dnsServiceIp, apiServerSubnetCidr };
}

/** A node pool's size and bounds, from the caller's object and the profile. */
function resolveNodes(v: Validator, value: unknown, fallback: ResolvedPool): ResolvedPool {
  const n: KubernetesClusterNodes =
    value === undefined
      ? {}
      : strictObject(v, "nodes", value as KubernetesClusterNodes, NODE_KEYS, "a node pool's size");
  const vmSize = v.stringInput("nodes.vmSize", n.vmSize, "a VM size") ?? fallback.vmSize;
  v.matches("nodes.vmSize", vmSize, VM_SIZE, "an Azure VM size such as Standard_D4ds_v5");
  const min = v.integer("nodes.min", n.min, 1, 1000, fallback.min);
  const max = v.integer("nodes.max", n.max, 1, 1000, Math.max(fallback.max, min));
  if (max < min) v.fail("nodes.max", max, `is below nodes.min (${min})`, `at least ${min}`);
  return { vmSize, min, max };
}

/** Zones: distinct, each 1-3; the profile's count of them where it is highly available. */
function resolveZones(v: Validator, zones: unknown, fallback: readonly string[]): string[] {
  if (zones === undefined) return [...fallback];
  if (!Array.isArray(zones))
    v.fail("zones", zones, "is not a list", 'availability zones, some of "1", "2", "3"');
  zones.forEach((z, i) => v.oneOf(`zones[${i}]`, z as "1", ZONES));
  if (new Set(zones).size !== zones.length) v.fail("zones", zones, "names a zone twice", "distinct zones");
  return [...(zones as string[])];
}

/** Authorized ranges: each an IPv4 CIDR, none the whole internet, at least one when given. */
function resolveAuthorizedRanges(v: Validator, ranges: unknown): string[] | undefined {
  if (ranges === undefined) return undefined;
  const expected = "IPv4 CIDRs of your CI and operators (never 0.0.0.0/0), or no authorizedIpRanges";
  if (!Array.isArray(ranges) || ranges.length === 0)
    v.fail("authorizedIpRanges", ranges, "is not a non-empty list", expected);
  return ranges.map((r, i) => {
    const field = `authorizedIpRanges[${i}]`;
    // A plain address is a /32, as AKS reads it.
    const value = typeof r === "string" && !r.includes("/") ? `${r}/32` : r;
    cidr(v, field, value, expected);
    if (OPEN_RANGES.includes(value as string))
      v.fail(field, r, "opens the API server to the internet", expected);
    return value as string;
  });
}

/** The last /28 of an address space: the API server's subnet by default (the tier plan never reaches it). */
export function lastSlash28(addressSpace: string): string {
  const block = parseCidr(addressSpace);
  if (block === undefined || block.prefix > 28) return "";
  return formatCidr({ base: block.base + 2 ** (32 - block.prefix) - 16, prefix: 28 });
}

/** The network (its private tier, a NAT gateway, room for the API server) and the key. */
function resolveTargets(v: Validator, args: KubernetesClusterArgs): { network: Network; key: EncryptionKey } {
  const network = networkWithTier(v, args.network, "private");
  if (args.apiServerSubnetCidr === undefined && network.vnet === undefined)
    v.fail(
      "apiServerSubnetCidr",
      undefined,
      "is required for a Network built elsewhere",
      "a free /28 of its address space",
    );
  if (network.subnets !== undefined && network.natGateway === undefined)
    v.fail("network", "[Network]", "has no NAT gateway", "a Network with nat: true (the nodes' only egress)");
  const key = v.required(
    "encryptionKey",
    args.encryptionKey,
    "an azure EncryptionKey (AKS KMS encrypts etcd with it)",
  );
  if (!(key instanceof EncryptionKey))
    v.fail("encryptionKey", key, "is not an EncryptionKey", "an azure EncryptionKey component");
  return { network, key };
}

/** Resolves KubernetesCluster arguments; throws a GroundworkInputError on bad input. */
export function resolveKubernetesClusterArgs(
  v: Validator,
  args: KubernetesClusterArgs,
  inheritedProtect?: boolean,
): ResolvedKubernetesClusterArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.KubernetesCluster",
    keys: KUBERNETES_CLUSTER_ARG_KEYS,
    inheritedProtect,
  });
  const { profile } = base;
  validateNameFor(v, "name", AKS_CLUSTER_COMPONENT_NAME, v.resourceName);
  const { network, key } = resolveTargets(v, args);
  const version = v.oneOf("version", args.version, AKS_KUBERNETES_VERSIONS, AKS_DEFAULT_VERSION);
  const sizes = CLUSTER_SIZES[profile.environment];
  const nodes = resolveNodes(v, args.nodes, sizes);
  const systemVmSize = v.stringInput("systemVmSize", args.systemVmSize, "a VM size") ?? sizes.vmSize;
  v.matches("systemVmSize", systemVmSize, VM_SIZE, "an Azure VM size such as Standard_D4ds_v5");
  const zones = resolveZones(
    v,
    args.zones,
    profile.highAvailability ? ZONES.slice(0, profile.zoneCount) : [],
  );
  // The system pool: one node per zone (one in dev), room for one more each.
  const systemMin = Math.max(zones.length, 1);
  const system = { vmSize: systemVmSize, min: systemMin, max: systemMin * 2 };
  const authorizedIpRanges = resolveAuthorizedRanges(v, args.authorizedIpRanges);
  const administratorGroups = args.administratorGroups ?? [];
  if (!Array.isArray(administratorGroups))
    v.fail("administratorGroups", administratorGroups, "is not a list", "Entra group object ids");
  administratorGroups.forEach((g, i) =>
    v.matches(`administratorGroups[${i}]`, g, GUID, "an Entra group object id (a GUID)"),
  );
  // A given workspace is checked as every component checks one (its retention is its owner's).
  if (args.logWorkspaceId !== undefined)
    resolveWorkspace(v, { logWorkspaceId: args.logWorkspaceId }, profile.logRetentionDays);
  const logWorkspaceId = args.logWorkspaceId ?? network.logWorkspaceId;
  const encryptionAtHost = v.boolean("encryptionAtHost", args.encryptionAtHost, true);
  const defender = v.boolean("defender", args.defender, false);
  const fixedAtCreation = { vmSize: nodes.vmSize, zones, osDisk: sizes.osDiskGiB, encryptionAtHost };
  const weakened = [
    ...(authorizedIpRanges ? ["publicApiServer"] : []),
    ...(encryptionAtHost ? [] : ["encryptionAtHost"]),
  ];
  return {
    ...azureResolved(base, weakened, {
      minCapacity: nodes.min,
      zones: profile.highAvailability ? zones.length : undefined,
    }),
    network,
    encryptionKey: key,
    version,
    skuTier: sizes.skuTier,
    zones,
    nodes,
    system,
    osDiskGiB: sizes.osDiskGiB,
    poolName: `wk${shortHash(JSON.stringify(fixedAtCreation), 6)}`,
    authorizedIpRanges,
    administratorGroups: [...administratorGroups],
    ...resolveRanges(v, args),
    logWorkspaceId,
    encryptionAtHost,
    defender,
  };
}
