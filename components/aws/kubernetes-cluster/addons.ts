// The EKS add-ons every cluster gets, each pinned to the version facts/aws/eks.json lists for the cluster's
// minor: the VPC CNI with network policy enforcement, kube-proxy, CoreDNS, the EKS Pod Identity agent and
// the EBS CSI driver. The CNI and the CSI driver get their own roles through Pod Identity.
import * as pulumi from "@pulumi/pulumi";
import * as eks from "@pulumi/aws/eks";
import { childName } from "../../core";
import { ClusterIdentities, ClusterScope } from "./identity";
import { EksAddon, eksAddonVersions } from "./versions";

/** The add-on settings beyond the version. */
const CONFIGURATION: Partial<Record<EksAddon, object>> = {
  // Kubernetes NetworkPolicy enforced by the CNI's eBPF agent
  // (https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html).
  "vpc-cni": { enableNetworkPolicy: "true" },
};

/** The service account each add-on that calls AWS runs as, and the role it gets. */
function podIdentity(addon: EksAddon, ids: ClusterIdentities) {
  if (addon === "vpc-cni") return [{ serviceAccount: "aws-node", roleArn: ids.vpcCni.role.arn }];
  if (addon === "aws-ebs-csi-driver")
    return [{ serviceAccount: "ebs-csi-controller-sa", roleArn: ids.ebsCsi.role.arn }];
  return undefined;
}

function addon(
  s: ClusterScope,
  cluster: eks.Cluster,
  ids: ClusterIdentities,
  name: EksAddon,
  dependsOn: pulumi.Resource[],
): eks.Addon {
  const configuration = CONFIGURATION[name];
  const associations = podIdentity(name, ids);
  return new eks.Addon(
    childName(s.name, name),
    {
      clusterName: cluster.name,
      addonName: name,
      addonVersion: eksAddonVersions(s.r.version)[name],
      ...(configuration ? { configurationValues: JSON.stringify(configuration) } : {}),
      ...(associations ? { podIdentityAssociations: associations } : {}),
      // The program owns the add-ons' settings: a change made with kubectl is overwritten.
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      tags: s.r.tags,
    },
    { parent: s.component, dependsOn },
  );
}

/** The add-ons nodes need to become ready (networking, and Pod Identity for the CNI's role). */
export function networkAddons(s: ClusterScope, cluster: eks.Cluster, ids: ClusterIdentities): eks.Addon[] {
  const agent = addon(s, cluster, ids, "eks-pod-identity-agent", []);
  const cni = addon(s, cluster, ids, "vpc-cni", [agent, ...ids.vpcCni.ready]);
  const proxy = addon(s, cluster, ids, "kube-proxy", []);
  return [agent, cni, proxy];
}

/** The add-ons that run as Deployments, so need nodes first. */
export function workloadAddons(
  s: ClusterScope,
  cluster: eks.Cluster,
  ids: ClusterIdentities,
  nodeGroup: eks.NodeGroup,
): eks.Addon[] {
  return [
    addon(s, cluster, ids, "coredns", [nodeGroup]),
    addon(s, cluster, ids, "aws-ebs-csi-driver", [nodeGroup, ...ids.ebsCsi.ready]),
  ];
}
