// Network (Azure) arguments and their pure resolution: the address space split into one subnet per tier,
// the NAT gateway that gives the tiers their egress, the workspace the NSG diagnostics go to, every
// weakening named, before anything registers.
import { Validator, argKeys, planCidr, validateDerivedNames } from "../../core";
import { ADDRESS_PLAN } from "../../core/cidr";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { AZURE_LOG_KEYS, AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";
import { VIRTUAL_NETWORK_NAME, azureAutoNamed } from "../naming";

/**
 * The tiers a Network can have: `private` for workloads and private endpoints, `apps` delegated to Container
 * Apps environments, `data` delegated to PostgreSQL flexible servers.
 */
export const AZURE_NETWORK_TIERS = ["private", "apps", "data"] as const;
export type AzureNetworkTier = (typeof AZURE_NETWORK_TIERS)[number];

/**
 * The tiers whose subnet egresses through the NAT gateway: the workloads (`private`) and Container Apps
 * (`apps`, a workload-profiles environment, which takes a NAT gateway on its subnet). The PostgreSQL tier
 * gets none: a flexible server with private access serves the network's clients without an internet path
 * of its own (Azure does not require one on its delegated subnet), so, like Google Cloud's isolated
 * subnet, the database tier keeps no outbound path at all.
 */
export const NAT_TIERS: readonly AzureNetworkTier[] = ["private", "apps"];

/**
 * The NAT gateway's TCP idle timeout, in minutes: Azure's own default, written down so it is not left to
 * a service default. A longer one holds SNAT ports on idle flows; long-lived connections use keepalives.
 */
export const NAT_IDLE_TIMEOUT_MINUTES = 4;

/** The service each delegated tier is handed to (a delegated subnet takes that service only). */
export const TIER_DELEGATIONS: { readonly [T in AzureNetworkTier]?: string } = {
  apps: "Microsoft.App/environments",
  data: "Microsoft.DBforPostgreSQL/flexibleServers",
};

export interface NetworkArgs extends AzureCommonArgs, AzureLogArgs {
  /**
   * The virtual network's address space, `/8` to `/20`. Each tier gets an eighth of it (a `/20` gives
   * `/23` subnets, the smallest a Container Apps environment takes).
   * @default "10.0.0.0/16"
   */
  readonly addressSpace?: string;
  /**
   * The tiers to create, each a subnet bound to its own NSG.
   * @default ["private", "apps", "data"]
   */
  readonly tiers?: AzureNetworkTier[];
  /**
   * A NAT gateway (Standard SKU, with one static Standard public IP) for the `private` and `apps` tiers:
   * their only outbound path, since default outbound access is off on every subnet. The `data` tier gets
   * none, and a network with neither tier gets no gateway. The address is the `natPublicIp` output, for
   * allow-lists. `false` is stricter, so not a weakening, but then nothing in the network reaches the
   * internet (no image pulls from public registries, no external APIs) unless the caller adds a NAT
   * gateway or firewall of their own.
   * @default true
   */
  readonly nat?: boolean;
}

/** The keys of {@link NetworkArgs}, checked against it by the compiler; any other key is refused. */
export const NETWORK_ARG_KEYS = argKeys<NetworkArgs>()([
  ...AZURE_COMMON_KEYS,
  ...AZURE_LOG_KEYS,
  "addressSpace",
  "tiers",
  "nat",
]);

/** One subnet to create: its tier, address prefix and delegation (if any). */
export interface PlannedAzureSubnet {
  readonly tier: AzureNetworkTier;
  readonly addressPrefix: string;
  readonly delegation?: string;
  /** Whether the subnet egresses through the NAT gateway. */
  readonly nat: boolean;
}

/**
 * The NAT gateway to create. A Standard NAT gateway is zonal whatever is asked (Azure's zone-redundant SKU
 * is in preview, not in this SDK), and pinning it to a zone buys nothing for regional subnets whose
 * workloads span zones, so it is left to Azure's placement ("no zone") in every environment. Its public
 * IP is zone-redundant where the profile asks for high availability (staging, prod), like the Container
 * Apps environment and the PostgreSQL standby: the address callers allow-list survives a zone's loss.
 */
export interface PlannedNat {
  /** The public IP's zones; empty for Azure's default placement. */
  readonly publicIpZones: readonly string[];
  readonly idleTimeoutInMinutes: number;
}

/** Network arguments with every default applied. */
export interface ResolvedNetworkArgs extends AzureResolved {
  readonly workspace: WorkspaceChoice;
  readonly addressSpace: string;
  readonly subnets: readonly PlannedAzureSubnet[];
  /** The NAT gateway, or undefined when `nat` is false. */
  readonly nat: PlannedNat | undefined;
}

/** The virtual network's physical name, made from the component name. */
export const VNET_NAMED = azureAutoNamed("the virtual network", VIRTUAL_NETWORK_NAME, "vnet");

/** Resolves Network arguments; throws a GroundworkInputError on bad input. */
export function resolveNetworkArgs(
  v: Validator,
  args: NetworkArgs,
  inheritedProtect?: boolean,
): ResolvedNetworkArgs {
  const base = resolveAzureBase(v, args, {
    component: "azure.Network",
    keys: NETWORK_ARG_KEYS,
    inheritedProtect,
  });
  // The VNet's name bounds the others (each NSG's rule is looser), so it alone is checked.
  validateDerivedNames(v, [VNET_NAMED]);
  const addressSpace =
    v.stringInput(
      "addressSpace",
      v.known("addressSpace", args.addressSpace, ADDRESS_PLAN),
      "an IPv4 CIDR, /8 to /20",
    ) ?? "10.0.0.0/16";
  const tiers = args.tiers ?? [...AZURE_NETWORK_TIERS];
  if (!Array.isArray(tiers) || tiers.length === 0)
    v.fail("tiers", tiers, "is not a non-empty list", `some of ${AZURE_NETWORK_TIERS.join(", ")}`);
  tiers.forEach((t, i) => v.oneOf(`tiers[${i}]`, t, AZURE_NETWORK_TIERS));
  if (new Set(tiers).size !== tiers.length) v.fail("tiers", tiers, "names a tier twice", "distinct tiers");
  const nat = v.boolean("nat", args.nat, true);
  const prefix = Number(String(addressSpace).split("/")[1]);
  const plan = planCidr(
    v,
    {
      cidr: addressSpace,
      // Every tier an eighth of the space, in the canonical order, so dropping a tier moves no other.
      tiers: AZURE_NETWORK_TIERS.map((name) => ({
        name,
        prefixLength: Number.isInteger(prefix) ? prefix + 3 : 19,
      })),
      zones: 1,
      reservedZones: 1,
      prefixRange: [8, 20],
    },
    "addressSpace",
  );
  const subnets = plan.subnets
    .filter((s) => (tiers as string[]).includes(s.tier))
    .map((s) => {
      const tier = s.tier as AzureNetworkTier;
      return {
        tier,
        addressPrefix: s.cidr,
        delegation: TIER_DELEGATIONS[tier],
        nat: nat && NAT_TIERS.includes(tier),
      };
    });
  const workspace = resolveWorkspace(v, args, base.profile.logRetentionDays);
  return {
    ...azureResolved(base, [], { logRetentionDays: retentionOf(workspace) }),
    workspace,
    addressSpace,
    subnets,
    // A gateway with no subnet behind it would only cost: a data-only network gets none.
    nat: subnets.some((s) => s.nat)
      ? {
          publicIpZones: base.profile.highAvailability ? ["1", "2", "3"] : [],
          idleTimeoutInMinutes: NAT_IDLE_TIMEOUT_MINUTES,
        }
      : undefined,
  };
}
