// Network arguments and their pure resolution: the CIDR plan, NAT, the firewall allows and the private
// services range decided, every default applied and every weakening named, before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  CidrPlan,
  Environment,
  EnvironmentProfile,
  Validator,
  argKeys,
  contains,
  formatCidr,
  overlaps,
  parseCidr,
  planCidr,
  strictArgs,
  strictObject,
  validateDerivedNames,
} from "../../core";
import { ADDRESS_PLAN } from "../../core/cidr";
import { validateRegion } from "../locations";
import { GCP_RESOURCE_NAME, gcpAutoNamed } from "../naming";

/** The subnet tiers, in plan order: `private` egresses through Cloud NAT, `isolated` has no egress. */
export const GCP_NETWORK_TIERS = ["private", "isolated"] as const;

/** The ranges Google's load-balancer health checks and proxies connect from. */
export const GOOGLE_HEALTH_CHECK_RANGES: readonly string[] = ["35.191.0.0/16", "130.211.0.0/22"];

/**
 * Arguments of `Network`. Any other key is refused (naming the closest valid one). Networks, subnets,
 * routers and firewalls take no labels, so the Network has no `labels` argument and records a weakening
 * in the `weakened` output only: the network's `description` forces a new network when it changes
 * (terraform-provider-google's ForceNew), so it carries nothing that can change. Each child is auto-named
 * `<name>-<suffix>-` plus 7 random characters, which must make a valid RFC 1035 name (at most 63).
 */
export interface NetworkArgs {
  /**
   * Environment profile. The network's controls are the same in every environment.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * The region of the subnets, router and NAT, one of `GCP_REGIONS`. Fixed at creation: another region
   * is new subnets, router and NAT (the network itself stays).
   * @default - the provider's region (`gcp:region`)
   */
  readonly region?: pulumi.Input<string>;
  /**
   * The network's block, /16 to /24. The private subnet gets half of it, the isolated subnet a quarter;
   * the rest stays free. Choose it for good: a subnet's range can only grow in place to a range that
   * contains the old one (terraform-provider-google, IsShrinkageIpCidr), so a new block replaces the
   * isolated subnet, and the private one too unless the new block starts where the old one did.
   * @default "10.0.0.0/16"
   */
  readonly cidrBlock?: string;
  /**
   * Cloud NAT (with logging) for the private subnet. Without it no subnet reaches the internet, which is
   * stricter, so `false` is not a weakening.
   * @default true
   */
  readonly nat?: boolean;
  /**
   * VPC flow logs on every subnet (5-second aggregation, half the flows, all metadata). `false` is a
   * weakened default, recorded in the `weakened` output.
   * @default true
   */
  readonly flowLogs?: boolean;
  /**
   * Allow TCP, UDP and ICMP between addresses of the network's own block (logged). `false` leaves only
   * the deny-all baseline and the health-check allow.
   * @default true
   */
  readonly allowInternal?: boolean;
  /**
   * TCP ports that Google's health checks and load-balancer proxies (35.191.0.0/16, 130.211.0.0/22) may
   * reach on the network's instances, for load-balanced backends (logged).
   * @default - none: no health-check allow
   */
  readonly healthCheckPorts?: number[];
  /**
   * Reserve a private services range (a /16 for VPC peering) and make the Service Networking connection
   * Cloud SQL's private IP needs. `PostgresDatabase` asks for it through `network`.
   * @default false
   */
  readonly privateServices?: boolean;
  /**
   * Secondary ranges on the private subnet for a VPC-native GKE cluster (`KubernetesCluster`): `pods`
   * (a /9 to /21; each node takes a /24 of it) and `services` (a /16 to /27), named `pods` and `services`,
   * private (RFC 1918 or 100.64.0.0/10), overlapping neither each other nor `cidrBlock`. Adding them to a
   * network that has none updates the subnet in place (terraform-provider-google: `secondary_ip_range` is
   * not ForceNew); a range a cluster uses cannot change or go while the cluster exists.
   * @default - none: no cluster can use the network
   */
  readonly kubernetesRanges?: KubernetesRanges;
}

/** The secondary ranges of a VPC-native GKE cluster, as `Network` takes them. */
export interface KubernetesRanges {
  /** The Pods' range, /9 to /21. */
  readonly pods: string;
  /** The Services' range, /16 to /27. */
  readonly services: string;
}

/** The names of the secondary ranges `kubernetesRanges` makes, as a cluster's `ipAllocationPolicy` takes them. */
export const KUBERNETES_RANGE_NAMES = { pods: "pods", services: "services" } as const;

/** Private IPv4 space: RFC 1918 and the shared address space GKE also accepts. */
const PRIVATE_SPACE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map((c) =>
  parseCidr(c)!,
);

function kubernetesRanges(v: Validator, value: KubernetesRanges | undefined, network: string) {
  if (value === undefined) return undefined;
  const expected = "{ pods, services }: private IPv4 CIDRs outside cidrBlock";
  const r = strictObject(v, "kubernetesRanges", value, ["pods", "services"], expected);
  const bounds = { pods: [9, 21], services: [16, 27] } as const;
  const blocks = (["pods", "services"] as const).map((k) => {
    const field = `kubernetesRanges.${k}`;
    const text = v.required(field, r[k], `a private IPv4 CIDR, /${bounds[k][0]} to /${bounds[k][1]}`);
    const block = typeof text === "string" ? parseCidr(text) : undefined;
    const want = `a private IPv4 CIDR (RFC 1918 or 100.64.0.0/10), /${bounds[k][0]} to /${bounds[k][1]}`;
    if (block === undefined || block.prefix < bounds[k][0] || block.prefix > bounds[k][1])
      v.fail(field, text, "is not a CIDR of the accepted size", want);
    if (formatCidr(block) !== text) v.fail(field, text, "has host bits set", `${formatCidr(block)}`);
    if (!PRIVATE_SPACE.some((p) => contains(p, block)))
      v.fail(field, text, "is not private address space", want);
    if (overlaps(block, parseCidr(network)!))
      v.fail(field, text, `overlaps the network's block ${network}`, "a range outside cidrBlock");
    return block;
  });
  if (overlaps(blocks[0], blocks[1]))
    v.fail("kubernetesRanges.services", r.services, "overlaps the pods range", "a range apart from pods");
  return { pods: r.pods, services: r.services };
}

/** The keys of {@link NetworkArgs}, checked against it by the compiler; any other key is refused. */
export const NETWORK_ARG_KEYS = argKeys<NetworkArgs>()([
  "environment",
  "region",
  "cidrBlock",
  "nat",
  "flowLogs",
  "allowInternal",
  "healthCheckPorts",
  "privateServices",
  "kubernetesRanges",
]);

/** Network arguments with every default applied. */
export interface ResolvedNetworkArgs {
  readonly profile: EnvironmentProfile;
  readonly region: pulumi.Input<string> | undefined;
  /** The subnet plan: one subnet per tier, in the one region. */
  readonly plan: CidrPlan;
  readonly nat: boolean;
  readonly flowLogs: boolean;
  readonly allowInternal: boolean;
  readonly healthCheckPorts: number[];
  readonly privateServices: boolean;
  readonly kubernetesRanges: KubernetesRanges | undefined;
  /** The defaults the caller weakened, by name, sorted. */
  readonly weakened: string[];
}

function healthCheckPorts(v: Validator, ports: number[] | undefined): number[] {
  if (ports === undefined) return [];
  v.listLength("healthCheckPorts", ports, 1, 20);
  ports.forEach((p, i) => v.integer(`healthCheckPorts[${i}]`, p, 1, 65535));
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Resolves Network arguments; throws a GroundworkInputError on bad input. */
export function resolveNetworkArgs(
  v: Validator,
  args: NetworkArgs,
  profile: EnvironmentProfile,
): ResolvedNetworkArgs {
  strictArgs(v, args, NETWORK_ARG_KEYS);
  const region = validateRegion(v, "region", args.region);
  const cidr =
    v.stringInput(
      "cidrBlock",
      v.known("cidrBlock", args.cidrBlock, ADDRESS_PLAN),
      "an IPv4 CIDR, /16 to /24",
    ) ?? "10.0.0.0/16";
  const prefix = parseCidr(cidr)?.prefix ?? 16;
  const plan = planCidr(
    v,
    {
      cidr,
      zones: 1,
      reservedZones: 1,
      prefixRange: [16, 24],
      tiers: [
        { name: "private", prefixLength: prefix + 1 },
        { name: "isolated", prefixLength: prefix + 2 },
      ],
    },
    "cidrBlock",
  );
  const nat = v.boolean("nat", args.nat, true);
  const flowLogs = v.boolean("flowLogs", args.flowLogs, true);
  const allowInternal = v.boolean("allowInternal", args.allowInternal, true);
  const ports = healthCheckPorts(v, args.healthCheckPorts);
  const privateServices = v.boolean("privateServices", args.privateServices, false);
  validateDerivedNames(v, [
    gcpAutoNamed("the network", GCP_RESOURCE_NAME, "vpc"),
    gcpAutoNamed("the isolated subnet", GCP_RESOURCE_NAME, "isolated"),
    gcpAutoNamed("the health-check firewall", GCP_RESOURCE_NAME, "allow-health-checks"),
    ...(privateServices ? [gcpAutoNamed("the services range", GCP_RESOURCE_NAME, "services-range")] : []),
  ]);
  return {
    profile,
    region,
    plan,
    nat,
    flowLogs,
    allowInternal,
    healthCheckPorts: ports,
    privateServices,
    kubernetesRanges: kubernetesRanges(v, args.kubernetesRanges, plan.cidr),
    weakened: flowLogs ? [] : ["flowLogs"],
  };
}
