// AWS network rules: no administrative port open to the internet, and every VPC with flow logs and a
// locked-down default security group (stack rules: the VPC and its parts are separate resources).
import type {
  DefaultSecurityGroupArgs,
  FlowLogArgs,
  SecurityGroupArgs,
  SecurityGroupRuleArgs,
} from "@pulumi/aws/ec2";
import type { SecurityGroupIngressRuleArgs } from "@pulumi/aws/vpc";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, inputsOf, oneOrMany, propsOf, record } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { ifKnown } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { OPEN, exposedAdminPorts } from "../ports";

/** One ingress permission, whichever of the three resource shapes declared it. */
export interface Ingress {
  readonly cidrs: readonly unknown[];
  readonly protocol: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly where: string;
}

type InlineIngress = Partial<NonNullable<Inputs<SecurityGroupArgs>["ingress"]>[number]>;

/**
 * A security group's inline ingress rules, a SecurityGroupRule's, or a SecurityGroupIngressRule's; `args`
 * is a resource under validation or one found in the stack.
 */
export function ingressOf(args: Pick<ResourceValidationArgs, "type" | "props">): Ingress[] {
  const group = inputsOf<SecurityGroupArgs | DefaultSecurityGroupArgs>(args, [
    ...T.securityGroup,
    ...T.defaultSecurityGroup,
  ]);
  if (group) {
    return oneOrMany(group.ingress).map((x, i) => {
      const r = record(x) as InlineIngress;
      const cidrs = [...oneOrMany(r.cidrBlocks), ...oneOrMany(r.ipv6CidrBlocks)];
      return { cidrs, protocol: r.protocol, from: r.fromPort, to: r.toPort, where: `ingress[${i}]` };
    });
  }
  const rule = inputsOf<SecurityGroupRuleArgs>(args, T.securityGroupRule);
  if (rule) {
    if (rule.type !== "ingress") return [];
    const cidrs = [...oneOrMany(rule.cidrBlocks), ...oneOrMany(rule.ipv6CidrBlocks)];
    return [{ cidrs, protocol: rule.protocol, from: rule.fromPort, to: rule.toPort, where: "the rule" }];
  }
  const single = inputsOf<SecurityGroupIngressRuleArgs>(args, T.ingressRule);
  if (!single) return [];
  const cidrs = [single.cidrIpv4, single.cidrIpv6];
  return [
    { cidrs, protocol: single.ipProtocol, from: single.fromPort, to: single.toPort, where: "the rule" },
  ];
}

export const ec2Rules: ResourceRule[] = [
  {
    name: "aws-ec2-no-public-admin-ports",
    area: "aws",
    severity: "critical",
    description: "Security groups must not open administrative or database ports to 0.0.0.0/0 or ::/0.",
    remediationSteps:
      "Restrict the source to a VPN/bastion range or a security group; use SSM Session Manager for shells.",
    references: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CIS AWS 5.2", "CIS AWS 5.3"],
    types: [...T.securityGroup, ...T.defaultSecurityGroup, ...T.groupRules],
    validateResource(args, report) {
      for (const { cidrs, protocol, from, to, where } of ingressOf(args)) {
        const open = cidrs.filter((c) => OPEN.includes(String(c)));
        if (open.length === 0) continue;
        const ports = exposedAdminPorts(protocol, from, to);
        if (ports.length > 0) report(`${where} opens ${ports.join(", ")} to ${open.join(", ")}`);
      }
    },
  },
];

export const networkStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-vpc-flow-logs",
    area: "aws",
    severity: "high",
    description: "Every VPC has flow logs capturing ALL traffic.",
    remediationSteps:
      'Add an ec2 FlowLog with `vpcId` set to the VPC and `trafficType: "ALL"`, delivered to an encrypted log group.',
    references: ["CKV2_AWS_11", "CIS AWS 3.7"],
    types: T.vpc,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.vpc), report, (vpc) => {
        const logs = referrers(args.resources, T.flowLog, "vpcId", vpc);
        if (logs.length === 0) report(`VPC "${vpc.name}" has no flow log`, vpc.urn);
        else if (!logs.some((l) => ifKnown(() => propsOf<FlowLogArgs>(l).trafficType) === "ALL")) {
          report(`VPC "${vpc.name}" has no flow log with trafficType ALL`, vpc.urn);
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-vpc-default-security-group",
    area: "aws",
    severity: "high",
    description: "Every VPC's default security group is managed and has no rules.",
    remediationSteps: "Add an ec2 DefaultSecurityGroup for the VPC with no `ingress` and no `egress`.",
    references: ["CKV2_AWS_12", "CIS AWS 5.4"],
    types: T.vpc,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.vpc), report, (vpc) => {
        const groups = referrers(args.resources, T.defaultSecurityGroup, "vpcId", vpc);
        if (groups.length === 0)
          report(
            `VPC "${vpc.name}" leaves its default security group unmanaged (it allows all traffic between members)`,
            vpc.urn,
          );
        for (const g of groups) {
          const group = propsOf<DefaultSecurityGroupArgs>(g);
          const rules = [...oneOrMany(group.ingress), ...oneOrMany(group.egress)];
          if (rules.length > 0)
            report(`default security group "${g.name}" has ${rules.length} rule(s)`, vpc.urn);
        }
      });
    },
  }),
];
