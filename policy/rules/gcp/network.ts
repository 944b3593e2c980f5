// Google Cloud VPC rules: custom-mode networks, subnets with flow logs and Private Google Access, and
// firewall rules (VPC rules and firewall-policy rules alike) that log and never open an administrative or
// database port to the internet.
import type { FirewallArgs, NetworkArgs, SubnetworkArgs } from "@pulumi/gcp/compute";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { Report, ResourceRule } from "../../runtime";
import { Inputs, Props, inputsOf, onInputs, record, records, strings } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { OPEN, exposedAdminPorts } from "../ports";
import { T } from "./resource-types";

/** Subnet purposes that carry no VM traffic, where Google Cloud supports neither flow logs nor PGA. */
const PROXY_PURPOSES = [
  "REGIONAL_MANAGED_PROXY",
  "GLOBAL_MANAGED_PROXY",
  "INTERNAL_HTTPS_LOAD_BALANCER",
  "PRIVATE_SERVICE_CONNECT",
  "PRIVATE_NAT",
];

/** A subnet rule's check, skipping proxy-only and service-connect subnets. */
function onVmSubnets(
  check: (subnet: Inputs<SubnetworkArgs>, report: Report) => void,
): (args: ResourceValidationArgs, report: Report) => void {
  return onInputs<SubnetworkArgs>(T.subnetwork, (subnet, report, args) => {
    if (PROXY_PURPOSES.includes(String(subnet.purpose ?? "PRIVATE")))
      args.notApplicable(`a ${subnet.purpose} subnet carries no VM traffic`);
    check(subnet, report);
  });
}

/**
 * The sources an ingress rule admits from the internet. With no source at all Google Cloud applies
 * 0.0.0.0/0, so a rule that names no ranges, tags or service accounts is open too.
 */
function openSources(rule: Inputs<FirewallArgs>): string[] {
  const ranges = strings(rule.sourceRanges);
  const named = strings(rule.sourceTags).length + strings(rule.sourceServiceAccounts).length > 0;
  if (ranges.length === 0 && !named) return ["0.0.0.0/0 (no source given)"];
  return ranges.filter((r) => OPEN.includes(r));
}

/** The admin and database ports a protocol and port list (`["22", "1000-2000"]`, none for all) opens. */
function exposedPorts(protocol: unknown, portSpecs: unknown): string[] {
  const specs = strings(portSpecs);
  const ranges = specs.length === 0 ? [["0", "65535"]] : specs.map((p) => p.split("-"));
  return [...new Set(ranges.flatMap(([lo, hi]) => exposedAdminPorts(protocol, lo, hi ?? lo)))];
}

/** One rule of a firewall policy, standalone or inline in a `…WithRules` policy. */
type PolicyRule = Props;

/**
 * What an ingress allow rule of a firewall policy opens to the internet, as messages: its `match.srcIpRanges`
 * that are open, crossed with the admin ports of its `match.layer4Configs`. A policy rule names its sources
 * explicitly (FQDNs, regions, address groups, tags), so one with no IP range is not read as open.
 */
function policyRuleExposure(rule: PolicyRule, label: string): string[] {
  if (String(rule.direction ?? "INGRESS").toUpperCase() !== "INGRESS") return [];
  if (String(rule.action ?? "").toLowerCase() !== "allow" || rule.disabled === true) return [];
  const match = record(rule.match);
  const open = strings(match.srcIpRanges).filter((r) => OPEN.includes(r));
  if (open.length === 0) return [];
  return records(match.layer4Configs).flatMap((l4, i) => {
    const ports = exposedPorts(l4.ipProtocol, l4.ports);
    return ports.length > 0
      ? [`${label}match.layer4Configs[${i}] opens ${ports.join(", ")} to ${open.join(", ")}`]
      : [];
  });
}

export const networkRules: ResourceRule[] = [
  {
    name: "gcp-firewall-no-public-admin-ports",
    area: "gcp",
    severity: "critical",
    description:
      "Ingress firewall rules — VPC firewall rules, and the rules of hierarchical, global and regional network " +
      "firewall policies — must not allow SSH, RDP or database ports from 0.0.0.0/0 or ::/0 (a VPC firewall rule " +
      "with no source means the same).",
    remediationSteps:
      "Restrict `sourceRanges` (`match.srcIpRanges` in a firewall policy) to your networks or Google's IAP range " +
      "35.235.240.0/20, or use service accounts or secure tags.",
    references: ["CKV_GCP_2", "CKV_GCP_3", "CKV2_GCP_12", "CIS GCP 3.6", "CIS GCP 3.7"],
    types: [...T.firewall, ...T.firewallPolicyRule, ...T.firewallPolicyWithRules],
    validateResource(args, report) {
      const firewall = inputsOf<FirewallArgs>(args, T.firewall);
      if (firewall) {
        if (String(firewall.direction ?? "INGRESS") !== "INGRESS" || firewall.disabled === true) return;
        const open = openSources(firewall);
        if (open.length === 0) return;
        records(firewall.allows).forEach((allow, i) => {
          const ports = exposedPorts(allow.protocol, allow.ports);
          if (ports.length > 0) report(`allows[${i}] opens ${ports.join(", ")} to ${open.join(", ")}`);
        });
        return;
      }
      if (isOfType(args, T.firewallPolicyRule)) {
        for (const m of policyRuleExposure(args.props, "")) report(m);
        return;
      }
      records(record(args.props).rules).forEach((rule, i) => {
        const name = typeof rule.ruleName === "string" ? ` (${rule.ruleName})` : "";
        for (const m of policyRuleExposure(rule, `rules[${i}]${name}.`)) report(m);
      });
    },
  },
  {
    name: "gcp-firewall-logging",
    area: "gcp",
    severity: "medium",
    description:
      "Firewall rules log the connections they match (VPC rules and firewall-policy rules), so an allowed or denied " +
      "flow can be traced.",
    remediationSteps:
      'Set `logConfig: { metadata: "INCLUDE_ALL_METADATA" }` on VPC rules, `enableLogging: true` on policy rules.',
    references: ["Groundwork BASELINE GCP Network"],
    types: [...T.firewall, ...T.firewallPolicyRule, ...T.firewallPolicyWithRules],
    validateResource(args, report) {
      const firewall = inputsOf<FirewallArgs>(args, T.firewall);
      if (firewall) {
        if (firewall.logConfig === undefined && firewall.enableLogging !== true)
          report("firewall logging is off");
        return;
      }
      if (isOfType(args, T.firewallPolicyRule)) {
        if (record(args.props).enableLogging !== true) report("enableLogging is not true");
        return;
      }
      records(record(args.props).rules).forEach((rule, i) => {
        if (rule.enableLogging !== true) report(`rules[${i}].enableLogging is not true`);
      });
    },
  },
  {
    name: "gcp-network-custom-mode",
    area: "gcp",
    severity: "medium",
    description:
      "VPC networks are custom-mode: an auto-mode network (the provider default) creates a subnet in every region with ranges you did not plan.",
    remediationSteps: "Set `autoCreateSubnetworks: false` and declare each subnet.",
    references: ["CIS GCP 3.1", "Groundwork BASELINE GCP Network"],
    validateResource: onInputs<NetworkArgs>(T.network, (network, report) => {
      if (network.autoCreateSubnetworks !== false) report("autoCreateSubnetworks is not false (auto mode)");
    }),
  },
  {
    name: "gcp-subnet-flow-logs",
    area: "gcp",
    severity: "medium",
    description: "Subnets that carry VM traffic record VPC flow logs.",
    remediationSteps:
      'Set `logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }`.',
    references: ["CKV_GCP_26", "CIS GCP 3.8"],
    validateResource: onVmSubnets((subnet, report) => {
      if (subnet.logConfig === undefined) report("no logConfig (flow logs are off)");
    }),
  },
  {
    name: "gcp-subnet-private-google-access",
    area: "gcp",
    severity: "medium",
    description:
      "Subnets that carry VM traffic reach Google APIs privately (Private Google Access), not over the internet.",
    remediationSteps: "Set `privateIpGoogleAccess: true`.",
    references: ["CKV_GCP_74", "Groundwork BASELINE GCP Network"],
    validateResource: onVmSubnets((subnet, report) => {
      if (subnet.privateIpGoogleAccess !== true) report("privateIpGoogleAccess is not true");
    }),
  },
];
