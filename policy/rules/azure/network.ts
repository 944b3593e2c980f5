// Azure network rules: NSG rules never open SSH, RDP or database ports to the internet (inline
// `securityRules` of a NetworkSecurityGroup and standalone SecurityRule resources alike), and subnets
// (standalone or inline in a VirtualNetwork) are bound to an NSG with default outbound access off, and
// virtual machines take no public IP on their network interfaces (NICs and scale-set profiles).
import type { SecurityRuleArgs, SubnetArgs, VirtualNetworkArgs } from "@pulumi/azure-native/network";
import { ResourceRule } from "../../runtime";
import { Inputs, Props, inputsOf, record, recordAt, records, strings } from "../../runtime/props";
import { ifKnown, isSet } from "../../runtime/unknowns";
import { exposedAdminPorts } from "../ports";
import { T } from "./resource-types";

type SecurityRule = Inputs<SecurityRuleArgs>;

/** Address prefixes (and service tags) that mean "anyone on the internet". */
const ANYWHERE = ["*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0"];

/** An NSG port spec ("22", "1000-2000", "*") as the range it covers. */
function portRange(spec: string): [number, number] {
  if (spec.trim() === "*") return [0, 65535];
  const [from, to] = spec.split("-").map((p) => Number(p.trim()));
  return [from, to ?? from];
}

/**
 * The admin and database ports an inbound Allow rule opens to the internet, as "22 (SSH)"; none for other
 * rules. NSG protocols are `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah` or `*`: only `Tcp` and `*` reach these ports.
 */
export function exposedByRule(rule: SecurityRule): string[] {
  if (String(rule.direction ?? "").toLowerCase() !== "inbound") return [];
  if (String(rule.access ?? "").toLowerCase() !== "allow") return [];
  const protocol = String(rule.protocol ?? "*").toLowerCase();
  if (protocol !== "tcp" && protocol !== "*") return [];
  const sources = [rule.sourceAddressPrefix, ...strings(rule.sourceAddressPrefixes)];
  if (!sources.some((s) => typeof s === "string" && ANYWHERE.includes(s.toLowerCase()))) return [];
  const specs = [rule.destinationPortRange, ...strings(rule.destinationPortRanges)].filter(
    (p): p is string => typeof p === "string",
  );
  return [...new Set(specs.flatMap((s) => exposedAdminPorts("tcp", ...portRange(s))))];
}

/** Subnets Azure manages itself, which take no NSG (or where one breaks the service). */
const RESERVED_SUBNETS = [
  "GatewaySubnet",
  "AzureFirewallSubnet",
  "AzureFirewallManagementSubnet",
  "RouteServerSubnet",
];

/** Where a NIC or a scale set's NIC configurations ask for a public IP, as `ipConfigurations[0]` labels. */
function publicIpRequests(args: Parameters<ResourceRule["validateResource"]>[0]): string[] {
  const nic = inputsOf<Props>(args, T.networkInterface);
  if (nic)
    return records(nic.ipConfigurations)
      .map((c, i) => (isSet(c, "publicIPAddress") ? `ipConfigurations[${i}].publicIPAddress` : ""))
      .filter(Boolean);
  const scaleSet = inputsOf<Props>(args, T.virtualMachineScaleSet);
  const nics = records(
    recordAt(scaleSet, ["virtualMachineProfile", "networkProfile"]).networkInterfaceConfigurations,
  );
  return nics.flatMap((n, i) =>
    records(n.ipConfigurations)
      .map((c, j) =>
        isSet(c, "publicIPAddressConfiguration")
          ? `virtualMachineProfile.networkProfile.networkInterfaceConfigurations[${i}].ipConfigurations[${j}].publicIPAddressConfiguration`
          : "",
      )
      .filter(Boolean),
  );
}

export const networkRules: ResourceRule[] = [
  {
    name: "azure-vm-no-public-ip",
    area: "azure",
    severity: "medium",
    description:
      "Virtual machines take no public IP address on their network interfaces (NetworkInterface " +
      "`ipConfigurations[].publicIPAddress`, a scale set's `publicIPAddressConfiguration`): reach them through " +
      "Azure Bastion, a load balancer or a private network.",
    remediationSteps:
      "Remove the public IP from the NIC's IP configuration; publish the service through a load balancer or " +
      "Application Gateway, and administer the VM through Azure Bastion.",
    references: ["CKV_AZURE_119"],
    types: [...T.networkInterface, ...T.virtualMachineScaleSet],
    validateResource(args, report) {
      for (const where of publicIpRequests(args))
        report(`${where} is set: the VM is reachable from the internet`);
    },
  },
  {
    name: "azure-nsg-no-admin-ports-from-internet",
    area: "azure",
    severity: "critical",
    description:
      "NSG rules do not allow inbound traffic from the internet (`*`, `Internet`, `0.0.0.0/0`) to SSH, RDP or " +
      "database ports, whether inline in the NetworkSecurityGroup or as standalone SecurityRule resources.",
    remediationSteps:
      "Narrow `sourceAddressPrefix` to known ranges or service tags (VirtualNetwork, AzureLoadBalancer), or reach " +
      "machines through Azure Bastion and databases through private endpoints.",
    references: ["CIS Azure 6.1", "CIS Azure 6.2", "CKV_AZURE_9", "CKV_AZURE_10"],
    types: [...T.securityRule, ...T.networkSecurityGroup],
    validateResource(args, report) {
      const standalone = inputsOf<SecurityRuleArgs>(args, T.securityRule);
      const group = inputsOf<{ securityRules?: unknown }>(args, T.networkSecurityGroup);
      const rules: { label: string; read: () => SecurityRule }[] = standalone
        ? [{ label: `rule "${args.name}"`, read: () => standalone }]
        : group
          ? records(group.securityRules).map((r, i) => ({
              label: `rule ${JSON.stringify(ifKnown(() => r.name) ?? i)}`,
              read: () => r as SecurityRule,
            }))
          : [];
      for (const { label, read } of rules) {
        // One rule's unknown source or port leaves that rule undecided; the others are still judged.
        const open = ifKnown(() => exposedByRule(read()));
        if (open === undefined) report.undecided(`${label}: its source, ports or access are unknown`);
        else if (open.length > 0) report(`${label} allows the internet to ${open.join(", ")}`);
      }
    },
  },
  {
    name: "azure-subnet-nsg",
    area: "azure",
    severity: "medium",
    description:
      "Subnets — standalone Subnet resources and a VirtualNetwork's inline `subnets` alike — are bound to a network " +
      "security group and have default outbound access off (it can be set only when the subnet is created).",
    remediationSteps:
      "Set `networkSecurityGroup: { id }` and `defaultOutboundAccess: false`, and route egress through a NAT " +
      "gateway or firewall.",
    references: ["CKV2_AZURE_31", "Groundwork BASELINE Azure Network"],
    types: [...T.subnet, ...T.virtualNetwork],
    validateResource(args, report) {
      const standalone = inputsOf<SubnetArgs>(args, T.subnet);
      const inline = inputsOf<VirtualNetworkArgs>(args, T.virtualNetwork);
      const subnets: { label: string; subnet: Props }[] = standalone
        ? [{ label: "", subnet: standalone as Props }]
        : records(inline?.subnets).map((subnet, i) => ({
            label: `subnets[${i}] (${String(ifKnown(() => subnet.name) ?? "?")}): `,
            subnet,
          }));
      for (const { label, subnet } of subnets) {
        if (RESERVED_SUBNETS.includes(String(subnet.subnetName ?? subnet.name ?? ""))) continue;
        // An NSG created in the same program has an id unknown in preview: it is set all the same.
        if (!isSet(record(subnet.networkSecurityGroup), "id"))
          report(`${label}no networkSecurityGroup is bound`);
        if (subnet.defaultOutboundAccess === undefined)
          report(
            // @pulumi/azure-native 3's network module "Uses Azure REST API version 2024-05-01" (its subnet.js);
            // Microsoft's private-subnet default comes only with API versions after 31 March 2026
            // (learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
            `${label}defaultOutboundAccess is not set: through the API version the SDK uses, a new subnet then ` +
              "has default outbound access to the internet; set it to false",
          );
        else if (subnet.defaultOutboundAccess !== false)
          report(`${label}defaultOutboundAccess is ${JSON.stringify(subnet.defaultOutboundAccess)}`);
      }
    },
  },
];
