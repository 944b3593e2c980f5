// KubernetesCluster: a regional GKE Standard cluster with private nodes and a private control plane,
// Workload Identity, Secrets encrypted with the caller's key, Shielded nodes, Dataplane V2, a release
// channel, Binary Authorization enforced, no client certificate or legacy ABAC, system and workload logs,
// and one separately managed node pool on a least-privilege service account; plus a Kubernetes provider
// that authenticates with gke-gcloud-auth-plugin.
import * as pulumi from "@pulumi/pulumi";
import { Cluster, ClusterArgs } from "@pulumi/gcp/container/cluster";
import { NodePool } from "@pulumi/gcp/container/nodePool";
import { CryptoKeyIAMMember } from "@pulumi/gcp/kms/cryptoKeyIAMMember";
import { getProjectOutput } from "@pulumi/gcp/organizations/getProject";
import type { Provider } from "@pulumi/kubernetes/provider";
import { Validator, childName, resolveProfile } from "../../core";
import { GKE_NAME, gcpFittedName } from "../naming";
import { serviceAgentGrantee } from "../agents";
import { childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import { KubernetesClusterArgs, ResolvedKubernetesClusterArgs, resolveKubernetesClusterArgs } from "./args";
import { gkeKubeconfig, kubernetesProvider } from "./kubeconfig";
import { nodeConfig, nodePool, nodeServiceAccount } from "./nodes";

export { ClusterNetwork, ClusterNodes, KubernetesClusterArgs } from "./args";
export { GKE_AUTH_PLUGIN } from "./kubeconfig";
export {
  GKE_DEFAULT_VERSION,
  GKE_NODE_ROLES,
  GKE_RELEASE_CHANNELS,
  GKE_VERSIONS,
  GkeReleaseChannel,
} from "./versions";

/** Control-plane and workload logs: every component GKE can send to Cloud Logging. */
const LOGGED = ["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"];
/** Metrics of the system components and the control plane. */
const MONITORED = ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"];

/** The endpoint: private (no public IP) unless `authorizedNetworks`, and then only those, never Google's ranges. */
function endpoint(r: ResolvedKubernetesClusterArgs): Partial<ClusterArgs> {
  return {
    privateClusterConfig: {
      enablePrivateNodes: true,
      enablePrivateEndpoint: r.authorizedNetworks.length === 0,
    },
    masterAuthorizedNetworksConfig: {
      gcpPublicCidrsAccessEnabled: false,
      cidrBlocks: r.authorizedNetworks.map((cidrBlock) => ({ cidrBlock, displayName: "authorized" })),
    },
  };
}

function clusterArgs(
  r: ResolvedKubernetesClusterArgs,
  region: pulumi.Input<string>,
  project: pulumi.Input<string>,
  keyId: pulumi.Input<string>,
  config: ClusterArgs["nodeConfig"],
): ClusterArgs {
  return {
    location: region,
    network: r.networkId,
    subnetwork: r.subnetId,
    networkingMode: "VPC_NATIVE",
    ipAllocationPolicy: {
      clusterSecondaryRangeName: r.podsRangeName,
      servicesSecondaryRangeName: r.servicesRangeName,
    },
    ...endpoint(r),
    // The default pool cannot be left out, only removed once the cluster exists: one node, configured
    // like the real pool (not the Compute Engine default account), then deleted.
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    nodeConfig: config,
    releaseChannel: { channel: r.releaseChannel },
    minMasterVersion: r.version,
    workloadIdentityConfig: { workloadPool: pulumi.interpolate`${project}.svc.id.goog` },
    databaseEncryption: { state: "ENCRYPTED", keyName: keyId },
    enableShieldedNodes: true,
    datapathProvider: "ADVANCED_DATAPATH",
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    enableLegacyAbac: false,
    loggingConfig: { enableComponents: LOGGED },
    monitoringConfig: { enableComponents: MONITORED, managedPrometheus: { enabled: true } },
    securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_BASIC" },
    deletionProtection: r.deletionProtection,
    resourceLabels: r.labels,
  };
}

/**
 * A private, regional GKE Standard cluster with one autoscaled node pool, and a Kubernetes provider for it.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.KubernetesCluster`): container, compute,
 * cloudkms, iam and binaryauthorization (`*.googleapis.com`). Enable them
 * (`ProjectApis`) and pass them as `dependsOn`: every child waits for the component's own `dependsOn`.
 *
 * The control plane is private: the provider reaches it from inside the network (a runner in the private
 * subnet, Cloud Build private pools) unless `authorizedNetworks` opens the public endpoint to named CIDRs.
 */
export class KubernetesCluster extends pulumi.ComponentResource {
  /** The cluster's name. */
  public readonly clusterName: pulumi.Output<string>;
  /** The cluster's name again, under the word every cloud's `KubernetesCluster` uses. */
  public readonly name: pulumi.Output<string>;
  /** The cluster's id (`projects/<p>/locations/<region>/clusters/<name>`). */
  public readonly clusterId: pulumi.Output<string>;
  /** The control plane's address: its private endpoint, or its public one with `authorizedNetworks`. */
  public readonly endpoint: pulumi.Output<string>;
  /** The cluster's CA certificate (base64 PEM), as a kubeconfig's `certificate-authority-data` takes it. */
  public readonly certificateAuthority: pulumi.Output<string>;
  /** The email of the nodes' own service account. */
  public readonly nodeServiceAccountEmail: pulumi.Output<string>;
  /** The Workload Identity pool (`<project>.svc.id.goog`) Kubernetes service accounts federate through. */
  public readonly workloadPool: pulumi.Output<string>;
  /** A kubeconfig whose user runs gke-gcloud-auth-plugin: no static credential in it. */
  public readonly kubeconfig: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The Kubernetes provider for this cluster (`{ provider: cluster.provider }` on Kubernetes components). */
  public readonly provider: Provider;
  /** The raw cluster and node pool, for arguments that need the resources. */
  public readonly cluster: Cluster;
  public readonly nodePool: NodePool;

  constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.KubernetesCluster", name);
    const r = resolveKubernetesClusterArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:gcp:KubernetesCluster", name, {}, opts);
    const after = dependsOnOf(opts);
    const region = r.region ?? regionOf(this, undefined);
    // The project's id from the project itself (the client config's result carries a secret token).
    const project = getProjectOutput({}, { parent: this, dependsOn: after }).apply((p) => p.projectId ?? "");
    const nodes = nodeServiceAccount(this, name, r, project, after);
    const grants = this.keyGrants(name, r, after);
    const keyId = r.key.kind === "component" ? r.key.key.keyId : pulumi.output(r.key.id);
    const config = nodeConfig(r, nodes.account.email, keyId);
    // The agents must hold the key and the nodes their roles before the first node boots.
    const ready = [...grants, ...nodes.roles];
    this.cluster = new Cluster(
      childName(name, "cluster"),
      // A name that fits keeps the provider's auto-name; a longer one is shortened with a hash (ADR 0020).
      { ...gcpFittedName(name, "cluster", GKE_NAME), ...clusterArgs(r, region, project, keyId, config) },
      // The default pool's config applies once, to a pool deleted at creation: changing it later would
      // replace the cluster (its node_config is ForceNew there), so it is ignored, like the count.
      childOptions(this, after, {
        dependsOn: ready,
        protect: r.protect,
        ignoreChanges: ["nodeConfig", "initialNodeCount"],
      }),
    );
    this.nodePool = nodePool(this, name, r, {
      cluster: this.cluster.id,
      location: this.cluster.location,
      config,
      after,
      dependsOn: ready,
    });
    this.clusterName = this.cluster.name;
    this.name = this.cluster.name;
    this.clusterId = this.cluster.id;
    this.endpoint = this.cluster.endpoint;
    this.certificateAuthority = this.cluster.masterAuth.clusterCaCertificate.apply((ca) => ca ?? "");
    this.nodeServiceAccountEmail = nodes.account.email;
    this.workloadPool = pulumi.interpolate`${project}.svc.id.goog`;
    this.kubeconfig = gkeKubeconfig(this.cluster.name, this.endpoint, this.certificateAuthority);
    // The provider waits for the node pool, so nothing is scheduled before a node can run it.
    this.provider = kubernetesProvider(childName(name, "provider"), this.kubeconfig, {
      parent: this,
      dependsOn: [this.nodePool],
    });
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * The GKE agent (Secrets) and Compute Engine agent (boot disks) on the key: through an EncryptionKey's
   * own grants (once per service, however many components share it), or as `<name>-key-grant-<service>`.
   */
  private keyGrants(
    name: string,
    r: ResolvedKubernetesClusterArgs,
    after: readonly pulumi.Input<pulumi.Resource>[],
  ): CryptoKeyIAMMember[] {
    const key = r.key;
    return (["container", "compute"] as const).map((service) =>
      key.kind === "component"
        ? key.key.grantServiceAgent(service)
        : new CryptoKeyIAMMember(
            childName(name, "key-grant", service),
            {
              cryptoKeyId: key.id,
              role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
              member: serviceAgentGrantee(this, name, service, after).grantPrincipal.member,
            },
            childOptions(this, after),
          ),
    );
  }
}
