// The GKE node and cluster-hardening rules (issue #24): each with the compliant shape it must pass (node
// pools that inherit a safe default, clusters that remove their default pool, Autopilot) and the one
// change that makes it fail, with the message naming the field.
import type * as gcpInput from "@pulumi/gcp/types/input";
import { gkeCluster, gkeNodeConfig, gkeNodePool } from "./gcp-kit";
import { passesInPreview, ruleCases } from "./rule-cases";

/** A Standard cluster that keeps its default pool, configured by `nodeConfig`. */
/** (The config is made inside the program, so an account it creates registers with the rest.) */
const withDefaultPool = (nodeConfig: () => gcpInput.container.ClusterNodeConfig | undefined) => () =>
  void gkeCluster("c", { removeDefaultNodePool: undefined, nodeConfig: nodeConfig() });

describe("Google Cloud rules: GKE nodes and cluster hardening", function () {
  this.timeout(60_000);
  ruleCases([
    {
      policy: "gcp-gke-private-nodes",
      title: "the compliant cluster and node pool",
      program: () => void gkeNodePool("p"),
    },
    {
      policy: "gcp-gke-private-nodes",
      title: "a cluster without privateClusterConfig",
      program: () =>
        void gkeCluster("c", { privateClusterConfig: undefined, masterAuthorizedNetworksConfig: {} }),
      fail: /enablePrivateNodes is not true/,
    },
    {
      policy: "gcp-gke-private-nodes",
      title: "a node pool that restates private nodes",
      program: () => void gkeNodePool("p", { networkConfig: { enablePrivateNodes: true } }),
    },
    {
      policy: "gcp-gke-shielded-nodes",
      title: "a cluster with Shielded nodes turned off",
      program: () => void gkeCluster("c", { enableShieldedNodes: false }),
      fail: /^enableShieldedNodes is false$/m,
    },
    {
      policy: "gcp-gke-shielded-nodes",
      title: "a kept default pool without secure boot",
      program: withDefaultPool(() => ({ ...gkeNodeConfig("d"), shieldedInstanceConfig: undefined })),
      fail: /^nodeConfig\.shieldedInstanceConfig\.enableSecureBoot is not true$/m,
    },
    {
      policy: "gcp-gke-shielded-nodes",
      title: "a node pool with integrity monitoring off",
      program: () =>
        void gkeNodePool("p", {
          nodeConfig: {
            shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: false },
          },
        }),
      fail: /enableIntegrityMonitoring is false/,
    },
    {
      policy: "gcp-gke-shielded-nodes",
      title: "an Autopilot cluster (Google manages the nodes)",
      program: () => void gkeCluster("c", { enableAutopilot: true, removeDefaultNodePool: undefined }),
    },
    {
      policy: "gcp-gke-release-channel",
      title: "STABLE",
      program: () => void gkeCluster("c", { releaseChannel: { channel: "STABLE" } }),
    },
    {
      policy: "gcp-gke-release-channel",
      title: "UNSPECIFIED (no channel)",
      program: () => void gkeCluster("c", { releaseChannel: { channel: "UNSPECIFIED" } }),
      fail: /no releaseChannel/,
    },
    {
      policy: "gcp-gke-binary-authorization",
      title: "the deprecated enabled flag",
      program: () => void gkeCluster("c", { binaryAuthorization: { enabled: true } }),
    },
    {
      policy: "gcp-gke-binary-authorization",
      title: "no binaryAuthorization block",
      program: () => void gkeCluster("c", { binaryAuthorization: undefined }),
      fail: /not enforced/,
    },
    {
      policy: "gcp-gke-no-client-certificate",
      title: "issueClientCertificate false",
      program: () =>
        void gkeCluster("c", { masterAuth: { clientCertificateConfig: { issueClientCertificate: false } } }),
    },
    {
      policy: "gcp-gke-node-service-account",
      title: "a kept default pool with no nodeConfig (the default account)",
      program: withDefaultPool(() => undefined),
      fail: /^nodeConfig\.serviceAccount is the Compute Engine default service account/m,
    },
    {
      policy: "gcp-gke-node-service-account",
      title: 'a node pool naming "default"',
      program: () => void gkeNodePool("p", { nodeConfig: { serviceAccount: "default" } }),
      fail: /Compute Engine default service account/,
    },
    {
      policy: "gcp-gke-node-service-account",
      title: "a kept default pool with its own account",
      program: withDefaultPool(() => gkeNodeConfig("d")),
    },
    {
      policy: "gcp-gke-metadata-server",
      title: "a node pool that leaves the mode to the cluster's Workload Identity",
      program: () => void gkeNodePool("p", { nodeConfig: { workloadMetadataConfig: undefined } }),
    },
    {
      policy: "gcp-gke-metadata-server",
      title: "a kept default pool on GCE_METADATA",
      program: withDefaultPool(() => ({
        ...gkeNodeConfig("d"),
        workloadMetadataConfig: { mode: "GCE_METADATA" },
      })),
      fail: /^nodeConfig\.workloadMetadataConfig\.mode is GCE_METADATA/m,
    },
    {
      policy: "gcp-gke-node-auto-upgrade-repair",
      title: "management set explicitly on",
      program: () => void gkeNodePool("p", { management: { autoUpgrade: true, autoRepair: true } }),
    },
    {
      policy: "gcp-gke-node-auto-upgrade-repair",
      title: "auto-repair off",
      program: () => void gkeNodePool("p", { management: { autoRepair: false } }),
      fail: /^management\.autoRepair is false$/m,
    },
  ]);
  passesInPreview(
    "gcp-gke-node-service-account",
    "a node pool running as an account the same program creates (unknown email)",
    () => void gkeNodePool("p"),
  );
});
