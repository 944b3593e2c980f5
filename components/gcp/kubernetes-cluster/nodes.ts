// The cluster's nodes: a dedicated service account holding only the roles nodes need (never the Compute
// Engine default account), the hardened node configuration (Shielded VM with secure boot and integrity
// monitoring, the GKE metadata server, Container-Optimized OS, a CMEK boot disk), and the separately
// managed, autoscaled node pool that auto-upgrades and auto-repairs.
import * as pulumi from "@pulumi/pulumi";
import { NodePool } from "@pulumi/gcp/container/nodePool";
import { getZonesOutput } from "@pulumi/gcp/compute/getZones";
import { IAMMember } from "@pulumi/gcp/projects/iammember";
import { Account } from "@pulumi/gcp/serviceaccount/account";
import type * as inputs from "@pulumi/gcp/types/input";
import { childName } from "../../core";
import { GKE_NAME, gcpFittedName } from "../naming";
import { childOptions } from "../common";
import { ResolvedKubernetesClusterArgs } from "./args";
import { GKE_NODE_ROLES } from "./versions";

/** The node service account and its project roles (`<name>-nodes-<role>`), each a child of `scope`. */
export function nodeServiceAccount(
  scope: pulumi.Resource,
  name: string,
  r: ResolvedKubernetesClusterArgs,
  project: pulumi.Input<string>,
  after: readonly pulumi.Input<pulumi.Resource>[],
): { account: Account; roles: IAMMember[] } {
  const account = new Account(
    childName(name, "nodes-sa"),
    { accountId: r.nodeServiceAccountId, displayName: `GKE nodes of ${name}` },
    childOptions(scope, after),
  );
  const roles = GKE_NODE_ROLES.map(
    (role) =>
      new IAMMember(
        childName(name, "nodes", role.replace(/^roles\//, "").replace(/\./g, "-")),
        { project, role, member: account.member },
        childOptions(scope, after),
      ),
  );
  return { account, roles };
}

/**
 * The node configuration, the same for the node pool and the cluster's short-lived default pool: the
 * cloud-platform scope with the dedicated account (IAM decides, not scopes: the account holds only the
 * roles above), Workload Identity's metadata server (pods never see the node's credentials), Shielded VM,
 * COS with containerd, a pd-balanced boot disk under the key, no legacy metadata endpoints.
 */
export function nodeConfig(
  r: ResolvedKubernetesClusterArgs,
  email: pulumi.Input<string>,
  keyId: pulumi.Input<string>,
): inputs.container.NodePoolNodeConfig {
  return {
    machineType: r.machineType,
    diskSizeGb: r.diskSizeGb,
    diskType: "pd-balanced",
    imageType: "COS_CONTAINERD",
    bootDiskKmsKey: keyId,
    serviceAccount: email,
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    workloadMetadataConfig: { mode: "GKE_METADATA" },
    metadata: { "disable-legacy-endpoints": "true" },
    resourceLabels: r.labels,
  };
}

/**
 * The node pool: autoscaled between the bounds in each of the region's first `zones` zones, surging one
 * node at a time on upgrades, auto-upgraded and auto-repaired. `initialNodeCount` sizes the pool at
 * creation only (the provider replaces a pool when it changes, and the autoscaler owns the count after),
 * so it is ignored after; the pool's name is auto-generated, so a replacement the provider forces (a new
 * service account, a new boot disk key) creates the new pool before it deletes the old one.
 */
export function nodePool(
  scope: pulumi.Resource,
  name: string,
  r: ResolvedKubernetesClusterArgs,
  o: {
    readonly cluster: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly config: inputs.container.NodePoolNodeConfig;
    readonly after: readonly pulumi.Input<pulumi.Resource>[];
    readonly dependsOn: pulumi.Input<pulumi.Resource>[];
  },
): NodePool {
  const zones = getZonesOutput({ region: o.location }, { parent: scope }).names.apply((names) =>
    [...names].sort().slice(0, r.zones),
  );
  return new NodePool(
    childName(name, "nodes"),
    {
      ...gcpFittedName(name, "nodes", GKE_NAME),
      cluster: o.cluster,
      location: o.location,
      nodeLocations: zones,
      initialNodeCount: r.minNodes,
      autoscaling: { minNodeCount: r.minNodes, maxNodeCount: r.maxNodes, locationPolicy: "BALANCED" },
      management: { autoRepair: true, autoUpgrade: true },
      upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
      nodeConfig: o.config,
    },
    childOptions(scope, o.after, {
      dependsOn: o.dependsOn,
      protect: r.protect,
      ignoreChanges: ["initialNodeCount", "nodeCount"],
    }),
  );
}
