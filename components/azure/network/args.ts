// Network (Azure) arguments and their pure resolution: the address space split into one subnet per tier,
// the workspace the NSG diagnostics go to, every weakening named, before anything registers.
import { Validator, argKeys, planCidr } from "../../core";
import {
  AZURE_COMMON_KEYS,
  AzureCommonArgs,
  AzureResolved,
  azureResolved,
  resolveAzureBase,
} from "../common";
import { AZURE_LOG_KEYS, AzureLogArgs, WorkspaceChoice, resolveWorkspace, retentionOf } from "../logs";

/**
 * The tiers a Network can have: `private` for workloads and private endpoints, `apps` delegated to Container
 * Apps environments, `data` delegated to PostgreSQL flexible servers.
 */
export const AZURE_NETWORK_TIERS = ["private", "apps", "data"] as const;
export type AzureNetworkTier = (typeof AZURE_NETWORK_TIERS)[number];

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
}

/** The keys of {@link NetworkArgs}, checked against it by the compiler; any other key is refused. */
export const NETWORK_ARG_KEYS = argKeys<NetworkArgs>()([
  ...AZURE_COMMON_KEYS,
  ...AZURE_LOG_KEYS,
  "addressSpace",
  "tiers",
]);

/** One subnet to create: its tier, address prefix and delegation (if any). */
export interface PlannedAzureSubnet {
  readonly tier: AzureNetworkTier;
  readonly addressPrefix: string;
  readonly delegation?: string;
}

/** Network arguments with every default applied. */
export interface ResolvedNetworkArgs extends AzureResolved {
  readonly workspace: WorkspaceChoice;
  readonly addressSpace: string;
  readonly subnets: readonly PlannedAzureSubnet[];
}

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
  const addressSpace =
    v.stringInput("addressSpace", args.addressSpace, "an IPv4 CIDR, /8 to /20") ?? "10.0.0.0/16";
  const tiers = args.tiers ?? [...AZURE_NETWORK_TIERS];
  if (!Array.isArray(tiers) || tiers.length === 0)
    v.fail("tiers", tiers, "is not a non-empty list", `some of ${AZURE_NETWORK_TIERS.join(", ")}`);
  tiers.forEach((t, i) => v.oneOf(`tiers[${i}]`, t, AZURE_NETWORK_TIERS));
  if (new Set(tiers).size !== tiers.length) v.fail("tiers", tiers, "names a tier twice", "distinct tiers");
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
      return { tier, addressPrefix: s.cidr, delegation: TIER_DELEGATIONS[tier] };
    });
  const workspace = resolveWorkspace(v, args, base.profile.logRetentionDays);
  return {
    ...azureResolved(base, [], { logRetentionDays: retentionOf(workspace) }),
    workspace,
    addressSpace,
    subnets,
  };
}
