// The control plane: its log group (made first, so EKS writes into an encrypted group with the profile's
// retention instead of making its own), the cluster (private endpoint, Secrets envelope-encrypted with the
// key, every log type, access entries only), the administrators' access entries and the API rules.
import * as pulumi from "@pulumi/pulumi";
import * as eks from "@pulumi/aws/eks";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as vpc from "@pulumi/aws/vpc";
import { childName } from "../../core";
import { ClusterIdentities, ClusterScope } from "./identity";

/** The control-plane log types EKS has; every one is enabled. */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** The access policy administrators get, cluster-wide. */
export const ADMIN_ACCESS_POLICY = "AmazonEKSClusterAdminPolicy";

export interface ControlPlane {
  readonly cluster: eks.Cluster;
  readonly logGroup: cloudwatch.LogGroup;
  readonly access: pulumi.Resource[];
}

/** The endpoint: private always; public only from the named ranges (a recorded weakening). */
function endpoint(s: ClusterScope): {
  endpointPrivateAccess: boolean;
  endpointPublicAccess: boolean;
  publicAccessCidrs?: string[];
} {
  const isPublic = s.r.publicAccessCidrs.length > 0;
  return {
    endpointPrivateAccess: true,
    endpointPublicAccess: isPublic,
    ...(isPublic ? { publicAccessCidrs: s.r.publicAccessCidrs } : {}),
  };
}

export function controlPlane(s: ClusterScope, ids: ClusterIdentities): ControlPlane {
  const { r, name } = s;
  const logGroup = new cloudwatch.LogGroup(
    childName(name, "logs"),
    // The name EKS writes to (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html).
    {
      name: `/aws/eks/${name}/cluster`,
      retentionInDays: r.logRetentionDays,
      kmsKeyId: s.keyArn,
      tags: r.tags,
    },
    { parent: s.component, protect: r.protect },
  );
  const cluster = new eks.Cluster(
    childName(name, "cluster"),
    {
      name,
      version: r.version,
      roleArn: ids.cluster.role.arn,
      vpcConfig: { subnetIds: r.subnetIds, ...endpoint(s) },
      encryptionConfig: { resources: ["secrets"], provider: { keyArn: s.keyArn } },
      enabledClusterLogTypes: [...EKS_LOG_TYPES],
      // Access entries only: no aws-auth ConfigMap, and the creator is not made an administrator behind the
      // program's back (both are fixed at creation: a later change would replace the cluster).
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
      // The add-ons are EKS add-ons the component pins (./addons.ts), not unmanaged copies.
      bootstrapSelfManagedAddons: false,
      deletionProtection: r.deletionProtection,
      tags: r.tags,
    },
    { parent: s.component, protect: r.protect, dependsOn: [logGroup, ...ids.cluster.ready] },
  );
  return { cluster, logGroup, access: [...administrators(s, cluster), ...apiRules(s, cluster)] };
}

/** One access entry and cluster-admin association per administrator, named by its place in the list. */
function administrators(s: ClusterScope, cluster: eks.Cluster): pulumi.Resource[] {
  const parent = { parent: s.component };
  return s.r.administrators.flatMap((principalArn, i) => {
    const entry = new eks.AccessEntry(
      childName(s.name, "admin", i),
      { clusterName: cluster.name, principalArn, type: "STANDARD", tags: s.r.tags },
      parent,
    );
    const association = new eks.AccessPolicyAssociation(
      childName(s.name, "admin", i, "policy"),
      {
        clusterName: cluster.name,
        principalArn: entry.principalArn,
        policyArn: s.ctx.apply(
          (c) => `arn:${c.partition}:eks::aws:cluster-access-policy/${ADMIN_ACCESS_POLICY}`,
        ),
        accessScope: { type: "cluster" },
      },
      parent,
    );
    return [entry, association];
  });
}

/** 443 to the private endpoint from each named private range, on the security group EKS made. */
function apiRules(s: ClusterScope, cluster: eks.Cluster): pulumi.Resource[] {
  return s.r.privateAccessCidrs.map(
    (cidr, i) =>
      new vpc.SecurityGroupIngressRule(
        childName(s.name, "api", i),
        {
          securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
          cidrIpv4: cidr,
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          description: `Kubernetes API from ${cidr}`,
          tags: s.r.tags,
        },
        { parent: s.component },
      ),
  );
}
