// The nodes: a launch template (IMDSv2 only, one hop, so pods cannot borrow the node's credentials; the
// root volume encrypted with the key; no SSH key, no remote access), the grant that lets Auto Scaling launch
// instances with that volume, and one managed node group over the private subnets whose count the
// autoscaler owns after the first create.
import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as eks from "@pulumi/aws/eks";
import * as kms from "@pulumi/aws/kms";
import { childName } from "../../core";
import { AUTOSCALING_KEY_OPERATIONS, autoScalingRoleArn } from "./documents";
import { ClusterIdentities, ClusterScope } from "./identity";

/** The AMI family: Amazon Linux 2023, which requires IMDSv2 itself and is EKS's default from 1.33. */
export const NODE_AMI_TYPE = "AL2023_x86_64_STANDARD";

/** The root device of the EKS-optimized Amazon Linux 2023 AMIs. */
const ROOT_DEVICE = "/dev/xvda";

/** The metadata options every node gets: tokens required, one hop, no instance tags in the metadata. */
export const NODE_METADATA_OPTIONS = {
  httpEndpoint: "enabled",
  httpTokens: "required",
  httpPutResponseHopLimit: 1,
  instanceMetadataTags: "disabled",
} as const;

export interface NodeParts {
  readonly launchTemplate: ec2.LaunchTemplate;
  readonly nodeGroup: eks.NodeGroup;
}

/** Lets the Auto Scaling service-linked role use the key for the nodes' volumes (its policy cannot name it). */
function autoScalingGrant(s: ClusterScope): kms.Grant {
  return new kms.Grant(
    childName(s.name, "nodes-key-grant"),
    {
      keyId: s.keyArn,
      granteePrincipal: s.ctx.apply((c) => autoScalingRoleArn(c.partition, c.accountId)),
      operations: [...AUTOSCALING_KEY_OPERATIONS],
    },
    { parent: s.component },
  );
}

function launchTemplate(s: ClusterScope): ec2.LaunchTemplate {
  const { r } = s;
  return new ec2.LaunchTemplate(
    childName(s.name, "nodes"),
    {
      description: `Nodes of the EKS cluster ${s.name}`,
      instanceType: r.instanceType,
      updateDefaultVersion: true,
      metadataOptions: { ...NODE_METADATA_OPTIONS },
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          ebs: {
            volumeSize: r.diskSizeGiB,
            volumeType: "gp3",
            encrypted: "true",
            kmsKeyId: s.keyArn,
            deleteOnTermination: "true",
          },
        },
      ],
      monitoring: { enabled: true },
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
        resourceType,
        tags: r.tags,
      })),
      tags: r.tags,
    },
    { parent: s.component },
  );
}

/**
 * The node group. The instance type and volume live in the launch template, so changing them rolls the
 * nodes to a new template version in place; `desiredSize` is set once and then left to the autoscaler.
 */
export function nodes(
  s: ClusterScope,
  cluster: eks.Cluster,
  ids: ClusterIdentities,
  before: pulumi.Resource[],
): NodeParts {
  const { r } = s;
  const grant = autoScalingGrant(s);
  const template = launchTemplate(s);
  const nodeGroup = new eks.NodeGroup(
    childName(s.name, "nodes"),
    {
      clusterName: cluster.name,
      nodeRoleArn: ids.node.role.arn,
      subnetIds: r.subnetIds,
      version: r.version,
      amiType: NODE_AMI_TYPE,
      capacityType: "ON_DEMAND",
      scalingConfig: { desiredSize: r.minNodes, minSize: r.minNodes, maxSize: r.maxNodes },
      updateConfig: { maxUnavailable: 1 },
      launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
      tags: r.tags,
    },
    {
      parent: s.component,
      protect: r.protect,
      // The cluster autoscaler (or Karpenter) moves the count between the bounds: a program that set it on
      // every up would undo its work (facts/aws/resources.json, the server-managed desiredSize).
      ignoreChanges: ["scalingConfig.desiredSize"],
      dependsOn: [grant, ...ids.node.ready, ...before],
    },
  );
  return { launchTemplate: template, nodeGroup };
}
