// AWS EKS node rules: managed node groups open no SSH path, and the instances they launch keep pods away
// from the node role's credentials (IMDSv2 with a hop limit of 1, through the node group's launch template).
import type { NodeGroupArgs } from "@pulumi/aws/eks";
import type { LaunchTemplateArgs } from "@pulumi/aws/ec2";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { onInputs, propsOf, record } from "../../runtime/props";
import { eachOf, ofTypes, referenced } from "../../runtime/links";
import { T } from "./resource-types";

export const eksNodeRules: ResourceRule[] = [
  {
    name: "aws-eks-node-group-no-remote-access",
    area: "aws",
    severity: "high",
    description:
      "EKS managed node groups configure no remote access: `remoteAccess` opens SSH (port 22) to the nodes, from " +
      "anywhere when no source security group is named. Reach nodes with SSM Session Manager instead.",
    remediationSteps:
      "Remove `remoteAccess`; use a launch template without `keyName`, and Systems Manager for node access.",
    references: [
      "CKV_AWS_100",
      "https://docs.aws.amazon.com/eks/latest/best-practices/protecting-the-infrastructure.html",
    ],
    validateResource: onInputs<NodeGroupArgs>(T.eksNodeGroup, (group, report) => {
      if (group.remoteAccess === undefined) return;
      const access = record(group.remoteAccess);
      const from = access.sourceSecurityGroupIds === undefined ? " from 0.0.0.0/0" : "";
      report(`remoteAccess opens SSH to the nodes${from}`);
    }),
  },
];

/** Why a launch template lets pods on the node reach its credentials, or undefined when it does not. */
function metadataProblem(template: LaunchTemplateArgs | Record<string, unknown>): string | undefined {
  const options = record((template as Record<string, unknown>).metadataOptions);
  if (options.httpEndpoint === "disabled") return undefined;
  if (options.httpTokens !== "required")
    return 'metadataOptions.httpTokens is not "required" (IMDSv1 answers)';
  const hops = options.httpPutResponseHopLimit;
  if (hops !== 1)
    return `metadataOptions.httpPutResponseHopLimit is ${hops === undefined ? "not set" : String(hops)}: pods one hop away reach the node role's credentials`;
  return undefined;
}

export const eksNodeStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-eks-node-metadata-hop-limit",
    area: "aws",
    severity: "medium",
    description:
      "EKS managed node groups launch through a launch template of the stack that requires IMDSv2 with a hop limit " +
      "of 1, so pods (one network hop from the host) cannot take the node role's credentials. Without a launch " +
      "template EKS uses its own, whose hop limit of 2 lets every pod reach them.",
    remediationSteps:
      'Give the node group `launchTemplate: { id, version }` of a template with `metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }`; give pods their own roles with EKS Pod Identity or IRSA.',
    references: [
      "https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html#_restrict_access_to_the_instance_profile_assigned_to_the_worker_node",
      "https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html",
    ],
    types: [...T.eksNodeGroup, ...T.launchTemplate],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.eksNodeGroup), report, (group) => {
        if (propsOf<NodeGroupArgs>(group).launchTemplate === undefined) {
          report(
            `node group "${group.name}" has no launch template: EKS's default one leaves the metadata hop limit at 2`,
            group.urn,
          );
          return;
        }
        // A template outside the stack (an id string) cannot be read: the program does not show it.
        for (const template of referenced(args.resources, T.launchTemplate, group, "launchTemplate")) {
          const problem = metadataProblem(propsOf<LaunchTemplateArgs>(template) as Record<string, unknown>);
          if (problem)
            report(`node group "${group.name}" launches from "${template.name}": ${problem}`, group.urn);
        }
      });
    },
  }),
];
