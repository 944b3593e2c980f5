// The cluster's IAM identities: the control plane's role, the nodes' role, and one role per add-on that
// calls AWS (the VPC CNI, the EBS CSI driver), each with only the AWS managed policies EKS documents for it
// (./documents.ts) and, where the key is involved, an inline policy scoped to that one key.
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { childName } from "../../core";
import { AwsContext } from "../documents";
import {
  MANAGED_POLICIES,
  clusterKeyPolicy,
  ebsCsiKeyPolicy,
  managedPolicyArn,
  serviceTrustPolicy,
} from "./documents";
import { ResolvedKubernetesClusterArgs } from "./args";

/** What the identities hang off. */
export interface ClusterScope {
  readonly component: pulumi.ComponentResource;
  readonly name: string;
  readonly r: ResolvedKubernetesClusterArgs;
  readonly ctx: pulumi.Output<AwsContext>;
  readonly keyArn: pulumi.Output<string>;
}

/** A role with its managed policy attachments (what resources wait on before using the role). */
export interface RoleParts {
  readonly role: iam.Role;
  readonly ready: pulumi.Resource[];
}

function role(
  s: ClusterScope,
  child: string,
  service: string,
  policies: readonly string[],
  description: string,
): RoleParts {
  const parent = { parent: s.component };
  const created = new iam.Role(
    childName(s.name, child),
    { assumeRolePolicy: JSON.stringify(serviceTrustPolicy(service)), description, tags: s.r.tags },
    parent,
  );
  const ready: pulumi.Resource[] = policies.map(
    (policy) =>
      new iam.RolePolicyAttachment(
        childName(s.name, child, policy),
        { role: created.name, policyArn: s.ctx.apply((c) => managedPolicyArn(c.partition, policy)) },
        parent,
      ),
  );
  return { role: created, ready };
}

/** An inline policy on a role, scoped to the cluster's key. */
function keyPolicy(
  s: ClusterScope,
  parts: RoleParts,
  child: string,
  make: (keyArn: string) => object,
): RoleParts {
  const policy = new iam.RolePolicy(
    childName(s.name, child),
    { role: parts.role.name, policy: s.keyArn.apply((arn) => JSON.stringify(make(arn))) },
    { parent: s.component },
  );
  return { role: parts.role, ready: [...parts.ready, policy] };
}

/** Every role the cluster needs. */
export interface ClusterIdentities {
  readonly cluster: RoleParts;
  readonly node: RoleParts;
  readonly vpcCni: RoleParts;
  readonly ebsCsi: RoleParts;
}

export function identities(s: ClusterScope): ClusterIdentities {
  const what = `of the EKS cluster ${s.name}`;
  const cluster = keyPolicy(
    s,
    role(s, "cluster-role", "eks.amazonaws.com", MANAGED_POLICIES.cluster, `Control plane ${what}`),
    "cluster-key",
    clusterKeyPolicy,
  );
  const node = role(s, "node-role", "ec2.amazonaws.com", MANAGED_POLICIES.node, `Nodes ${what}`);
  const pods = "pods.eks.amazonaws.com";
  const vpcCni = role(s, "vpc-cni-role", pods, MANAGED_POLICIES.vpcCni, `VPC CNI (aws-node) ${what}`);
  const ebsCsi = keyPolicy(
    s,
    role(s, "ebs-csi-role", pods, MANAGED_POLICIES.ebsCsi, `EBS CSI driver ${what}`),
    "ebs-csi-key",
    ebsCsiKeyPolicy,
  );
  return { cluster, node, vpcCni, ebsCsi };
}
