// KubernetesCluster: an EKS cluster with a private API endpoint, Kubernetes Secrets envelope-encrypted with
// the customer key, every control-plane log type in an encrypted log group, access entries only (no aws-auth
// ConfigMap), a pinned Kubernetes minor with pinned add-ons (VPC CNI with network policy, CoreDNS,
// kube-proxy, EBS CSI driver, Pod Identity agent) and one managed node group in the private subnets behind
// an IMDSv2-only, encrypted launch template. Its `provider` deploys Kubernetes components to it.
import * as pulumi from "@pulumi/pulumi";
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import { MANAGED_BY, Validator, resolveProfile } from "../../core";
import { requirePeerSdk } from "../../core/peer";
import { awsContext, checkedRegion, outputProperties } from "../common";
import { wireKey } from "../encryption";
import { Connectable, ConnectionPeer } from "../connections";
import { KubernetesClusterArgs, resolveKubernetesClusterArgs } from "./args";
import { controlPlane } from "./control-plane";
import { kubeconfig } from "./documents";
import { ClusterScope, identities } from "./identity";
import { networkAddons, workloadAddons } from "./addons";
import { nodes } from "./nodes";

export { ClusterNetwork, ClusterNodes, KubernetesClusterArgs } from "./args";
export { EKS_LOG_TYPES } from "./control-plane";
export { EKS_ADDONS, EKS_DEFAULT_VERSION, EKS_KUBERNETES_VERSIONS, EksAddon } from "./versions";

/**
 * A private, encrypted EKS cluster with one managed node group.
 *
 * Day 2 (checked against the provider's schema in tests/day2/aws-eks.spec.ts):
 * - `version` one minor up upgrades the control plane, then the node group (a rolling update) and the
 *   add-ons (each to the version pinned for the new minor), in place. EKS refuses downgrades and skips.
 * - `nodes.instanceType` and `nodes.diskSizeGiB` make a new launch template version: the node group rolls its
 *   nodes onto it in place. `nodes.min`/`max` update the bounds; the running count stays the autoscaler's.
 * - `publicAccessCidrs`, `privateAccessCidrs`, log retention, deletion protection and tags update in place.
 * - New private subnets (a zone added to the network) update the cluster in place; the node group's
 *   subnets cannot change, so EKS gets a new node group (auto-named, created before the old one is
 *   deleted, which drains its nodes). In prod the node group is protected: `protect: false` for that `up`.
 * - The key, the cluster name and the access configuration are fixed at creation: changing them replaces
 *   the cluster (refused by `protect` in prod, and by deletion protection in staging and prod).
 */
export class KubernetesCluster extends pulumi.ComponentResource implements Connectable {
  /** The EKS cluster name (the component name). */
  public readonly name: pulumi.Output<string>;
  /** The cluster ARN. */
  public readonly arn: pulumi.Output<string>;
  /** The Kubernetes API endpoint (private unless `publicAccessCidrs`). */
  public readonly endpoint: pulumi.Output<string>;
  /** The cluster's certificate authority, base64 PEM. */
  public readonly certificateAuthority: pulumi.Output<string>;
  /** The Kubernetes minor the control plane runs. */
  public readonly version: pulumi.Output<string>;
  /** The security group EKS made for the control plane and the nodes. */
  public readonly clusterSecurityGroupId: pulumi.Output<string>;
  /** The nodes' IAM role (the node identity). */
  public readonly nodeRoleArn: pulumi.Output<string>;
  /** The control-plane log group. */
  public readonly logGroupName: pulumi.Output<string>;
  /** ARN of the key encrypting Secrets, logs and node volumes. */
  public readonly keyArn: pulumi.Output<string>;
  /** The exec-credential kubeconfig (`aws eks get-token`), as JSON; it holds no secret. */
  public readonly kubeconfig: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw cluster. */
  public readonly cluster: eks.Cluster;
  /** The raw node group. */
  public readonly nodeGroup: eks.NodeGroup;
  /** The nodes' role. */
  public readonly nodeRole: iam.Role;
  /**
   * A Kubernetes provider (`@pulumi/kubernetes/provider`) for this cluster, for `{ provider }` on the
   * Kubernetes components. Typed as a plain provider so the AWS entry point never needs the Kubernetes SDK
   * until a cluster is built. It authenticates with `aws eks get-token` as whoever runs Pulumi, who must be
   * one of `administrators` (or hold another access entry) and reach the endpoint.
   */
  public readonly provider: pulumi.ProviderResource;
  /**
   * The cluster security group (nodes and pods) as a peer, named after the cluster:
   * `database.connections.allowDefaultPortFrom(cluster)` lets the pods reach a database. EKS's group already
   * allows all egress, so no egress rule is added to it.
   */
  public readonly connections: ConnectionPeer;

  constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.KubernetesCluster", name);
    if (typeof args !== "object" || args === null)
      v.fail("args", args, "is missing", "an object with network, encryptionKey and administrators");
    const r = resolveKubernetesClusterArgs(v, args, resolveProfile(v, args.environment), opts?.protect);
    // The provider output needs the Kubernetes SDK, an optional peer: named before anything registers.
    requirePeerSdk("aws.KubernetesCluster", "@pulumi/kubernetes");
    super("groundwork:aws:KubernetesCluster", name, {}, opts);
    const ctx = awsContext(this);
    const keyArn = wireKey(this, name, r.key, {
      environment: r.profile.environment,
      tags: r.callerTags,
      protect: r.protect,
    }).arn;
    const s: ClusterScope = { component: this, name, r, ctx, keyArn };
    const ids = identities(s);
    const plane = controlPlane(s, ids);
    const network = networkAddons(s, plane.cluster, ids);
    const workers = nodes(s, plane.cluster, ids, [...network, ...plane.access]);
    const [, csi] = workloadAddons(s, plane.cluster, ids, workers.nodeGroup);

    this.cluster = plane.cluster;
    this.nodeGroup = workers.nodeGroup;
    this.nodeRole = ids.node.role;
    this.name = plane.cluster.name;
    this.arn = plane.cluster.arn;
    this.endpoint = plane.cluster.endpoint;
    this.certificateAuthority = plane.cluster.certificateAuthority.data;
    this.version = plane.cluster.version;
    this.clusterSecurityGroupId = plane.cluster.vpcConfig.clusterSecurityGroupId;
    this.nodeRoleArn = ids.node.role.arn;
    this.logGroupName = plane.logGroup.name;
    this.keyArn = keyArn;
    this.kubeconfig = pulumi
      .all([plane.cluster.name, this.endpoint, this.certificateAuthority, checkedRegion(v, ctx)])
      .apply(([clusterName, endpoint, ca, region]) =>
        kubeconfig({ name: clusterName, endpoint, certificateAuthority: ca, region }),
      );
    this.provider = kubernetesProvider(name, this, this.kubeconfig, [workers.nodeGroup]);
    encryptedStorageClass({
      name,
      environment: r.profile.environment,
      parent: this,
      provider: this.provider,
      keyArn,
      csi,
    });
    this.connections = {
      peerName: name,
      securityGroupId: this.clusterSecurityGroupId,
      restrictsEgress: false,
    };
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }
}

/**
 * The Kubernetes provider, loaded only here: `@groundwork/infra/aws` loads no Kubernetes SDK until a cluster
 * is built. It waits for the nodes, so nothing is deployed to a cluster that cannot run it.
 */
function kubernetesProvider(
  name: string,
  parent: pulumi.Resource,
  config: pulumi.Output<string>,
  dependsOn: pulumi.Resource[],
): pulumi.ProviderResource {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const k8s = require("@pulumi/kubernetes/provider") as typeof import("@pulumi/kubernetes/provider");
  return new k8s.Provider(name, { kubeconfig: config }, { parent, dependsOn });
}

/** The name of the default StorageClass: gp3 volumes encrypted with the cluster's key. */
export const ENCRYPTED_STORAGE_CLASS = "encrypted-gp3";

/**
 * The cluster's default StorageClass: EBS gp3 volumes the CSI driver encrypts with the cluster's key, bound
 * where the pod lands (`WaitForFirstConsumer`, so the volume is in the pod's zone). Parameters are fixed
 * once created; a new key makes a new class.
 */
function encryptedStorageClass(c: {
  readonly name: string;
  readonly environment: string;
  readonly parent: pulumi.Resource;
  readonly provider: pulumi.ProviderResource;
  readonly keyArn: pulumi.Output<string>;
  readonly csi: pulumi.Resource;
}): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const storage = require("@pulumi/kubernetes/storage/v1") as typeof import("@pulumi/kubernetes/storage/v1");
  new storage.StorageClass(
    `${c.name}-${ENCRYPTED_STORAGE_CLASS}`,
    {
      metadata: {
        name: ENCRYPTED_STORAGE_CLASS,
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
        labels: {
          "app.kubernetes.io/name": ENCRYPTED_STORAGE_CLASS,
          "app.kubernetes.io/instance": c.name,
          "app.kubernetes.io/managed-by": MANAGED_BY,
          "app.kubernetes.io/component": "aws.KubernetesCluster",
          environment: c.environment,
        },
      },
      provisioner: "ebs.csi.aws.com",
      parameters: { type: "gp3", encrypted: "true", kmsKeyId: c.keyArn },
      reclaimPolicy: "Delete",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
    },
    { parent: c.parent, provider: c.provider, dependsOn: [c.csi] },
  );
}
