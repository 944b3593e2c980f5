// Network (Azure): a virtual network with one subnet per tier, each bound to its own NSG whose baseline
// denies inbound traffic from the internet, default outbound access off (settable only at creation) with a
// NAT gateway as the workload tiers' one egress, the Container Apps and PostgreSQL tiers delegated, and
// every NSG's diagnostics sent to a Log Analytics workspace.
import * as pulumi from "@pulumi/pulumi";
import {
  FlowLog,
  NatGateway,
  NetworkSecurityGroup,
  PublicIPAddress,
  Subnet,
  VirtualNetwork,
} from "@pulumi/azure-native/network";
import { Workspace } from "@pulumi/azure-native/operationalinsights";
import { Tags, Validator, childName, fittedNameArg } from "../../core";
import { outputProperties } from "../../core/component";
import { wirePlacement } from "../common";
import { LinkedZone, linkedZone } from "../dns";
import { diagnostics, wireWorkspace } from "../logs";
import {
  AzureNetworkTier,
  NetworkArgs,
  PlannedAzureSubnet,
  PlannedNat,
  ResolvedNetworkArgs,
  VNET_NAMED,
  resolveNetworkArgs,
} from "./args";

export { AZURE_NETWORK_TIERS, AzureNetworkTier, NetworkArgs } from "./args";

/**
 * The baseline every NSG starts from: inbound from the internet denied explicitly, at the lowest priority
 * so a caller's narrower rules (added as SecurityRule resources) come first.
 */
const BASELINE_RULES = [
  {
    name: "deny-internet-inbound",
    priority: 4096,
    direction: "Inbound",
    access: "Deny",
    protocol: "*",
    sourceAddressPrefix: "Internet",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "*",
  },
];

/** Where Azure puts the Network Watcher it creates for a region (`NetworkWatcher_<region>`). */
export const NETWORK_WATCHER_GROUP = "NetworkWatcherRG";
/** The longest retention a flow log takes (days). */
const FLOW_LOG_MAX_RETENTION_DAYS = 365;

/** The Private Link DNS zone of each service a private endpoint in the network may reach. */
const PRIVATE_LINK_ZONES = { blob: "privatelink.blob.core.windows.net" } as const;
/** A service reached through a private endpoint: its Private Link group id. */
export type PrivateLinkService = keyof typeof PRIVATE_LINK_ZONES;

/** A virtual network with NSG-bound, delegated subnets per tier and NSG diagnostics. */
export class Network extends pulumi.ComponentResource {
  /** The virtual network's resource id. */
  public readonly vnetId: pulumi.Output<string>;
  /** The virtual network's name. */
  public readonly vnetName: pulumi.Output<string>;
  /** Subnet resource ids by tier (only the tiers created). */
  public readonly subnetIds: { readonly [T in AzureNetworkTier]?: pulumi.Output<string> };
  /** The resource group the network is in. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The network's location. */
  public readonly location: pulumi.Output<string>;
  /** The workspace the NSG diagnostics go to: other components can log there too. */
  public readonly logWorkspaceId: pulumi.Output<string>;
  /**
   * The NAT gateway's static public IP: the address the `private` and `apps` tiers reach the internet
   * from, for allow-lists downstream. Undefined when the network has no NAT gateway (`nat: false`).
   */
  public readonly natPublicIp?: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw NAT gateway, when there is one (to associate a caller's own subnets with it). */
  public readonly natGateway?: NatGateway;
  /** The raw virtual network, subnets and NSGs by tier. */
  public readonly vnet: VirtualNetwork;
  public readonly subnets: { readonly [T in AzureNetworkTier]?: Subnet };
  public readonly securityGroups: { readonly [T in AzureNetworkTier]?: NetworkSecurityGroup };

  /** The workspace the network created, when it did: traffic analytics reads flow logs into it. */
  private readonly ownWorkspace?: Workspace;
  private readonly retentionDays: number;
  private flowLog?: FlowLog;
  /** The Private Link zones made so far, by service (one zone per name may link to a network). */
  private readonly privateLinkZones = new Map<PrivateLinkService, LinkedZone>();
  private readonly componentName: string;
  private readonly childTags: Tags;

  constructor(name: string, args: NetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("azure.Network", name);
    const r = resolveNetworkArgs(v, args, opts?.protect);
    super("groundwork:azure:Network", name, {}, opts);
    const where = wirePlacement(this, name, r.placement, r.tags);
    const workspace = wireWorkspace(this, name, r.workspace, { ...where, tags: r.tags, protect: r.protect });
    this.vnet = new VirtualNetwork(
      childName(name, "vnet"),
      {
        ...where,
        ...fittedNameArg("virtualNetworkName", VNET_NAMED, name),
        addressSpace: { addressPrefixes: [r.addressSpace] },
        tags: r.tags,
      },
      { parent: this },
    );
    if (r.nat) {
      const { gateway, ip } = this.makeNat(name, r.nat, r, where);
      this.natGateway = gateway;
      // A Static address is allocated when the IP is created, so it is always set once it exists.
      this.natPublicIp = ip.ipAddress as pulumi.Output<string>;
    }
    const subnets: { [T in AzureNetworkTier]?: Subnet } = {};
    const groups: { [T in AzureNetworkTier]?: NetworkSecurityGroup } = {};
    let previous: Subnet | undefined;
    for (const planned of r.subnets) {
      const nsg = new NetworkSecurityGroup(
        childName(name, planned.tier, "nsg"),
        { ...where, securityRules: BASELINE_RULES, tags: r.tags },
        { parent: this },
      );
      diagnostics(this, `${planned.tier}-nsg-diagnostics`, nsg.id, workspace.id);
      // Azure changes one subnet of a network at a time: each waits for the one before.
      previous = this.makeSubnet(name, planned, nsg, where.resourceGroupName, previous);
      subnets[planned.tier] = previous;
      groups[planned.tier] = nsg;
    }
    this.subnets = subnets;
    this.securityGroups = groups;
    this.subnetIds = Object.fromEntries(Object.entries(subnets).map(([tier, s]) => [tier, s.id]));
    this.vnetId = this.vnet.id;
    this.vnetName = this.vnet.name;
    this.resourceGroupName = where.resourceGroupName;
    this.location = where.location;
    this.logWorkspaceId = workspace.id;
    this.weakened = pulumi.output(r.weakened);
    this.componentName = name;
    this.childTags = r.tags;
    this.ownWorkspace = workspace.workspace;
    this.retentionDays = Math.min(r.profile.logRetentionDays, FLOW_LOG_MAX_RETENTION_DAYS);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * The network's Private Link DNS zone for `service` (`privatelink.blob.core.windows.net` for `blob`),
   * made the first time a private endpoint asks for it (`<name>-<service>-zone`) and linked to the network,
   * so every private endpoint of that service in the network resolves through one zone: Azure links one
   * zone of a name to a network, and a second would fail.
   */
  privateLinkZone(service: PrivateLinkService): LinkedZone {
    let linked = this.privateLinkZones.get(service);
    if (!linked) {
      linked = linkedZone(
        this,
        childName(this.componentName, service, "zone"),
        PRIVATE_LINK_ZONES[service],
        { resourceGroupName: this.resourceGroupName, vnetId: this.vnetId },
        this.childTags,
      );
      this.privateLinkZones.set(service, linked);
    }
    return linked;
  }

  /**
   * VNet flow logs (`<name>-flow-log`): every flow through the virtual network, version 2 JSON, written to
   * the storage account `storageAccountId` (in the network's region; a `StorageAccount`'s `accountId`)
   * and kept for the profile's log retention (at most 365 days), with traffic analytics into the network's
   * own workspace when it made one. VNet flow logs, not NSG flow logs: Azure stopped creating NSG flow logs
   * on 30 June 2025 (https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview). A flow log
   * is a child of the region's Network Watcher, which Azure creates as `NetworkWatcher_<region>` in
   * `NetworkWatcherRG` when the first virtual network of a region is made (unless the subscription opted
   * out: then create it first, README's Azure deploy checklist); `watcher` names another. One per network.
   */
  flowLogsTo(
    storageAccountId: pulumi.Input<string>,
    watcher: { readonly name?: pulumi.Input<string>; readonly resourceGroupName?: pulumi.Input<string> } = {},
  ): FlowLog {
    const v = new Validator("azure.Network", this.componentName);
    if (this.flowLog) v.fail("flowLogsTo", "[second call]", "is called twice", "one flow log per network");
    v.stringInput("storageAccountId", storageAccountId, "a storage account resource id");
    const workspace = this.ownWorkspace;
    this.flowLog = new FlowLog(
      childName(this.componentName, "flow-log"),
      {
        resourceGroupName: watcher.resourceGroupName ?? NETWORK_WATCHER_GROUP,
        networkWatcherName: watcher.name ?? pulumi.interpolate`NetworkWatcher_${this.location}`,
        location: this.location,
        targetResourceId: this.vnetId,
        storageId: storageAccountId,
        enabled: true,
        format: { type: "JSON", version: 2 },
        retentionPolicy: { enabled: true, days: this.retentionDays },
        ...(workspace
          ? {
              flowAnalyticsConfiguration: {
                networkWatcherFlowAnalyticsConfiguration: {
                  enabled: true,
                  workspaceId: workspace.customerId,
                  workspaceRegion: this.location,
                  workspaceResourceId: workspace.id,
                  trafficAnalyticsInterval: 10,
                },
              },
            }
          : {}),
        tags: this.childTags,
      },
      { parent: this },
    );
    return this.flowLog;
  }

  /**
   * The NAT gateway and its static public IP (zones and idle timeout as resolved). The IP is protected
   * where the profile protects: a replaced address breaks every allow-list that names it.
   */
  private makeNat(
    name: string,
    nat: PlannedNat,
    r: ResolvedNetworkArgs,
    where: { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> },
  ): { gateway: NatGateway; ip: PublicIPAddress } {
    const zones = nat.publicIpZones.length > 0 ? { zones: [...nat.publicIpZones] } : {};
    const ip = new PublicIPAddress(
      childName(name, "nat", "ip"),
      {
        ...where,
        ...zones,
        sku: { name: "Standard", tier: "Regional" },
        publicIPAllocationMethod: "Static",
        publicIPAddressVersion: "IPv4",
        tags: r.tags,
      },
      { parent: this, protect: r.protect },
    );
    const gateway = new NatGateway(
      childName(name, "nat"),
      {
        ...where,
        sku: { name: "Standard" },
        idleTimeoutInMinutes: nat.idleTimeoutInMinutes,
        publicIpAddresses: [{ id: ip.id }],
        tags: r.tags,
      },
      { parent: this },
    );
    return { gateway, ip };
  }

  private makeSubnet(
    name: string,
    planned: PlannedAzureSubnet,
    nsg: NetworkSecurityGroup,
    resourceGroupName: pulumi.Output<string>,
    previous: Subnet | undefined,
  ): Subnet {
    return new Subnet(
      childName(name, planned.tier),
      {
        resourceGroupName,
        virtualNetworkName: this.vnet.name,
        subnetName: planned.tier,
        addressPrefix: planned.addressPrefix,
        networkSecurityGroup: { id: nsg.id },
        // Only settable at creation: egress goes through the NAT gateway, or one the caller adds.
        defaultOutboundAccess: false,
        ...(planned.nat && this.natGateway ? { natGateway: { id: this.natGateway.id } } : {}),
        privateEndpointNetworkPolicies: "Enabled",
        delegations: planned.delegation
          ? [{ name: planned.delegation.replace(/\W/g, "-"), serviceName: planned.delegation }]
          : [],
      },
      { parent: this, dependsOn: previous ? [previous] : [] },
    );
  }

  /** The subnet id of a tier; a GroundworkInputError when the network has no such tier. */
  subnetId(tier: AzureNetworkTier): pulumi.Output<string> {
    const name = (this as unknown as { __name: string }).__name;
    return (
      this.subnetIds[tier] ??
      new Validator("azure.Network", name).fail(
        "tier",
        tier,
        "is not a tier of this network",
        Object.keys(this.subnetIds).join(", "),
      )
    );
  }
}

/** The network argument of a component that needs one of its tiers; throws a GroundworkInputError otherwise. */
export function networkWithTier(v: Validator, network: unknown, tier: AzureNetworkTier): Network {
  if (!(network instanceof Network)) v.fail("network", network, "is not a Network", "an azure Network");
  if (network.subnetIds[tier] === undefined)
    v.fail("network", "[Network]", `has no ${tier} tier`, `a Network whose tiers include "${tier}"`);
  return network;
}
