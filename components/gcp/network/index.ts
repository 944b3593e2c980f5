// Network: a custom-mode VPC with a private subnet (egress through a logged Cloud NAT) and an isolated
// one, both with Private Google Access and flow logs; a logged deny-all ingress baseline with the allows
// a service needs; and, when asked, the private services range and connection Cloud SQL needs.
import * as pulumi from "@pulumi/pulumi";
import { Firewall, FirewallArgs } from "@pulumi/gcp/compute/firewall";
import { GlobalAddress } from "@pulumi/gcp/compute/globalAddress";
import { Network as VpcNetwork } from "@pulumi/gcp/compute/network";
import { Router } from "@pulumi/gcp/compute/router";
import { RouterNat } from "@pulumi/gcp/compute/routerNat";
import { Subnetwork } from "@pulumi/gcp/compute/subnetwork";
import { Connection } from "@pulumi/gcp/servicenetworking/connection";
import { Validator, childName, resolveProfile } from "../../core";
import { gcpFittedName } from "../naming";
import { childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import {
  GOOGLE_HEALTH_CHECK_RANGES,
  KUBERNETES_RANGE_NAMES,
  NetworkArgs,
  ResolvedNetworkArgs,
  resolveNetworkArgs,
} from "./args";

export {
  NetworkArgs,
  GCP_NETWORK_TIERS,
  GOOGLE_HEALTH_CHECK_RANGES,
  KUBERNETES_RANGE_NAMES,
  KubernetesRanges,
} from "./args";

/** Firewall logging with every field, so a matched flow names its instance and network. */
const FIREWALL_LOGGING = { metadata: "INCLUDE_ALL_METADATA" } as const;

/**
 * The network's description: what made it, and nothing that can change, since a new description is a new
 * network (terraform-provider-google-beta resource_compute_network.go: `description` is ForceNew) and
 * with it every subnet, route, peering and private IP in it. In 0.1 it also recorded the weakened
 * defaults; networks made then keep theirs, because the network ignores description changes.
 */
function description(name: string): string {
  return `Groundwork gcp.Network ${name}`;
}

/**
 * A custom-mode VPC with private and isolated subnets, Cloud NAT and a logged deny-by-default firewall; with
 * `kubernetesRanges`, the private subnet's secondary ranges a `KubernetesCluster` takes.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.Network`): compute, and servicenetworking with
 * `privateServices` (`*.googleapis.com`). Enable them (`ProjectApis`) and pass them as `dependsOn`: every
 * child waits for the component's own `dependsOn`.
 */
export class Network extends pulumi.ComponentResource {
  /** The network id (`projects/<p>/global/networks/<n>`), as Cloud SQL's `privateNetwork` takes it. */
  public readonly networkId: pulumi.Output<string>;
  /** The network name. */
  public readonly networkName: pulumi.Output<string>;
  /** The network's block. */
  public readonly cidrBlock: string;
  /** The region of the subnets. */
  public readonly region: pulumi.Output<string>;
  /**
   * The region of the subnets as a plain string, when the caller gave one (known at construction);
   * undefined when it comes from the provider (`gcp:region`) or from another resource's output. Components
   * that must share the subnets' region check it with this before creating anything.
   */
  public readonly regionName?: string;
  /** The subnet whose traffic leaves through Cloud NAT: where services run. */
  public readonly privateSubnetId: pulumi.Output<string>;
  /** The subnet with no egress to the internet. */
  public readonly isolatedSubnetId: pulumi.Output<string>;
  /**
   * The names of the private subnet's secondary ranges for a GKE cluster's Pods and Services, when
   * `kubernetesRanges` is set (a `KubernetesCluster` reads them); undefined otherwise.
   */
  public readonly kubernetesRangeNames?: { readonly pods: string; readonly services: string };
  /** The Service Networking connection, when `privateServices` is set: depend on it before private IP. */
  public readonly privateServicesConnection?: Connection;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw network, for arguments that need the resource. */
  public readonly network: VpcNetwork;
  /** What every child waits for: the component's own `dependsOn` (the project's APIs). */
  private readonly after: pulumi.Input<pulumi.Resource>[];

  constructor(name: string, args: NetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.Network", name);
    const r = resolveNetworkArgs(v, args, resolveProfile(v, args?.environment));
    super("groundwork:gcp:Network", name, {}, opts);
    this.after = dependsOnOf(opts);
    const region = regionOf(this, r.region);
    this.network = new VpcNetwork(
      childName(name, "vpc"),
      {
        ...gcpFittedName(name, "vpc"),
        autoCreateSubnetworks: false,
        routingMode: "REGIONAL",
        deleteDefaultRoutesOnCreate: false,
        description: description(name),
      },
      childOptions(this, this.after, { ignoreChanges: ["description"] }),
    );
    const [priv, isolated] = r.plan.tiers.map((tier) =>
      this.subnet(name, tier.name, tier.subnets[0].cidr, region, r),
    );
    if (r.nat) this.nat(name, region, priv);
    this.firewalls(name, r);
    if (r.privateServices) this.privateServicesConnection = this.privateServices(name);
    this.networkId = this.network.id;
    this.networkName = this.network.name;
    this.cidrBlock = r.plan.cidr;
    this.region = region;
    if (typeof r.region === "string") this.regionName = r.region;
    this.privateSubnetId = priv.id;
    if (r.kubernetesRanges) this.kubernetesRangeNames = KUBERNETES_RANGE_NAMES;
    this.isolatedSubnetId = isolated.id;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  private subnet(
    name: string,
    tier: string,
    cidr: string,
    region: pulumi.Output<string>,
    r: ResolvedNetworkArgs,
  ): Subnetwork {
    return new Subnetwork(
      childName(name, tier),
      {
        ...gcpFittedName(name, tier),
        network: this.network.id,
        region,
        ipCidrRange: cidr,
        privateIpGoogleAccess: true,
        // Only on the private subnet, and only when asked: existing subnets keep their inputs exactly.
        ...(tier === "private" && r.kubernetesRanges
          ? {
              secondaryIpRanges: [
                { rangeName: KUBERNETES_RANGE_NAMES.pods, ipCidrRange: r.kubernetesRanges.pods },
                { rangeName: KUBERNETES_RANGE_NAMES.services, ipCidrRange: r.kubernetesRanges.services },
              ],
            }
          : {}),
        ...(r.flowLogs
          ? {
              logConfig: {
                aggregationInterval: "INTERVAL_5_SEC",
                flowSampling: 0.5,
                metadata: "INCLUDE_ALL_METADATA",
              },
            }
          : {}),
      },
      childOptions(this, this.after),
    );
  }

  /** A router and its NAT, translating the private subnet only, logging every translation and error. */
  private nat(name: string, region: pulumi.Output<string>, subnet: Subnetwork): void {
    const router = new Router(
      childName(name, "router"),
      { ...gcpFittedName(name, "router"), network: this.network.id, region },
      childOptions(this, this.after),
    );
    new RouterNat(
      childName(name, "nat"),
      {
        ...gcpFittedName(name, "nat"),
        router: router.name,
        region,
        natIpAllocateOption: "AUTO_ONLY",
        sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
        subnetworks: [{ name: subnet.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
        logConfig: { enable: true, filter: "ALL" },
      },
      childOptions(this, this.after),
    );
  }

  /** The logged deny-all ingress baseline, and the allows asked for above it. */
  private firewalls(name: string, r: ResolvedNetworkArgs): void {
    const rule = (suffix: string, a: Omit<FirewallArgs, "network" | "logConfig" | "direction">) =>
      new Firewall(
        childName(name, suffix),
        {
          ...gcpFittedName(name, suffix),
          ...a,
          network: this.network.id,
          direction: "INGRESS",
          logConfig: FIREWALL_LOGGING,
        },
        childOptions(this, this.after),
      );
    // Google Cloud's implied deny is not logged; an explicit one just above it is.
    rule("deny-ingress", {
      priority: 65534,
      denies: [{ protocol: "all" }],
      sourceRanges: ["0.0.0.0/0"],
      description: "Deny all ingress (logged baseline)",
    });
    if (r.allowInternal) {
      rule("allow-internal", {
        priority: 1000,
        allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
        sourceRanges: [r.plan.cidr],
        description: "Allow traffic from the network's own block",
      });
    }
    if (r.healthCheckPorts.length > 0) {
      rule("allow-health-checks", {
        priority: 1000,
        allows: [{ protocol: "tcp", ports: r.healthCheckPorts.map(String) }],
        sourceRanges: [...GOOGLE_HEALTH_CHECK_RANGES],
        description: "Allow Google health checks and load-balancer proxies",
      });
    }
  }

  /** A /16 reserved for Google-managed services, peered into the network by Service Networking. */
  private privateServices(name: string): Connection {
    const range = new GlobalAddress(
      childName(name, "services-range"),
      {
        ...gcpFittedName(name, "services-range"),
        network: this.network.id,
        purpose: "VPC_PEERING",
        addressType: "INTERNAL",
        prefixLength: 16,
      },
      childOptions(this, this.after),
    );
    return new Connection(
      childName(name, "services"),
      {
        network: this.network.id,
        service: "servicenetworking.googleapis.com",
        reservedPeeringRanges: [range.name],
      },
      childOptions(this, this.after),
    );
  }
}
