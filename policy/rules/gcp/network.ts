// Google Cloud VPC rules: custom-mode networks, subnets with flow logs and Private Google Access, and
// firewall rules that log and never open an administrative or database port to the internet.
import type { FirewallArgs, NetworkArgs, SubnetworkArgs } from "@pulumi/gcp/compute";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { Report, ResourceRule } from "../../runtime";
import { Inputs, onInputs, records, strings } from "../../runtime/props";
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

export const networkRules: ResourceRule[] = [
  {
    name: "gcp-firewall-no-public-admin-ports",
    area: "gcp",
    severity: "critical",
    description:
      "Ingress firewall rules must not allow SSH, RDP or database ports from 0.0.0.0/0 or ::/0 (or from no source, which means the same).",
    remediationSteps:
      "Restrict `sourceRanges` to your networks or Google's IAP range 35.235.240.0/20, or use `sourceServiceAccounts`.",
    references: ["CKV_GCP_2", "CKV_GCP_3", "CIS GCP 3.6", "CIS GCP 3.7"],
    validateResource: onInputs<FirewallArgs>(T.firewall, (rule, report) => {
      if (String(rule.direction ?? "INGRESS") !== "INGRESS" || rule.disabled === true) return;
      const open = openSources(rule);
      if (open.length === 0) return;
      records(rule.allows).forEach((allow, i) => {
        const specs = strings(allow.ports);
        const ranges = specs.length === 0 ? [["0", "65535"]] : specs.map((p) => p.split("-"));
        const ports = new Set(ranges.flatMap(([lo, hi]) => exposedAdminPorts(allow.protocol, lo, hi ?? lo)));
        if (ports.size > 0) report(`allows[${i}] opens ${[...ports].join(", ")} to ${open.join(", ")}`);
      });
    }),
  },
  {
    name: "gcp-firewall-logging",
    area: "gcp",
    severity: "medium",
    description: "Firewall rules log the connections they match, so an allowed or denied flow can be traced.",
    remediationSteps: 'Set `logConfig: { metadata: "INCLUDE_ALL_METADATA" }` (or `EXCLUDE_ALL_METADATA`).',
    references: ["Groundwork BASELINE GCP Network"],
    validateResource: onInputs<FirewallArgs>(T.firewall, (rule, report) => {
      if (rule.logConfig === undefined && rule.enableLogging !== true) report("firewall logging is off");
    }),
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
