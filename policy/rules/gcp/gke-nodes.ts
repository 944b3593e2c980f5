// Google Kubernetes Engine rules beyond access and encryption: private nodes, Shielded nodes with secure
// boot, a release channel, Binary Authorization, no client certificate, and for every node a dedicated
// service account, the GKE metadata server, auto-upgrade and auto-repair. Node rules read node pools and
// the node config of a cluster's default pool (unless the cluster removes it or is Autopilot).
import type { ClusterArgs, NodePoolArgs } from "@pulumi/gcp/container";
import { ResourceRule } from "../../runtime";
import { Inputs, onInputs, record } from "../../runtime/props";
import { isSet, knownField } from "../../runtime/unknowns";
import { T } from "./resource-types";

type Cluster = Inputs<ClusterArgs>;

const isNodePool = (type: string): boolean => (T.gkeNodePool as readonly string[]).includes(type);

/**
 * The node configs a resource sets nodes up with, by field name: a node pool's `nodeConfig`; a Standard
 * cluster's `nodeConfig` (its default pool), unless `removeDefaultNodePool` deletes that pool at creation.
 * The pool still boots once with that config, but a rule that fired on it would fire on every cluster built
 * as GKE recommends; the node pools that replace it are checked themselves.
 */
function nodeConfigs(type: string, props: Record<string, unknown>): [string, Record<string, unknown>][] {
  if (isNodePool(type)) return [["nodeConfig", record(props.nodeConfig)]];
  const cluster = props as Cluster;
  if (cluster.enableAutopilot === true || cluster.removeDefaultNodePool === true) return [];
  return [["nodeConfig", record(cluster.nodeConfig)]];
}

/**
 * A rule over the node configs of clusters and node pools. `check` also gets each cluster itself once,
 * with the field `""` and an empty config, for the cluster-wide half of a node control.
 */
function onNodes(
  check: (
    config: Record<string, unknown>,
    field: string,
    report: (message: string) => void,
    props: Record<string, unknown>,
  ) => void,
) {
  return onInputs<ClusterArgs | NodePoolArgs>([...T.gkeCluster, ...T.gkeNodePool], (inputs, report, args) => {
    const props = inputs as Record<string, unknown>;
    if (!isNodePool(args.type)) check({}, "", report, props);
    for (const [field, config] of nodeConfigs(args.type, props)) check(config, field, report, props);
  });
}

/** The Compute Engine default service account: unset, `default`, or `<number>-compute@developer…`. */
function isDefaultAccount(config: Record<string, unknown>): boolean {
  if (!isSet(config, "serviceAccount")) return true;
  // Unknown during preview: an account this program creates, which is not the default one.
  const email = knownField(config, "serviceAccount");
  return (
    email === "default" ||
    (typeof email === "string" && email.endsWith("-compute@developer.gserviceaccount.com"))
  );
}

export const gkeNodeRules: ResourceRule[] = [
  {
    name: "gcp-gke-private-nodes",
    area: "gcp",
    severity: "high",
    description:
      "GKE nodes have internal IP addresses only (`privateClusterConfig.enablePrivateNodes`), and no node pool turns that off.",
    remediationSteps:
      "Set `privateClusterConfig: { enablePrivateNodes: true }` on the cluster (egress through Cloud NAT), and remove `networkConfig.enablePrivateNodes: false` from node pools.",
    references: ["CKV_GCP_64", "CIS GKE 5.6.5"],
    validateResource: onInputs<ClusterArgs | NodePoolArgs>(
      [...T.gkeCluster, ...T.gkeNodePool],
      (props, report, args) => {
        if (isNodePool(args.type)) {
          if (record((props as Inputs<NodePoolArgs>).networkConfig).enablePrivateNodes === false)
            report("networkConfig.enablePrivateNodes is false: this pool's nodes get public IPs");
          return;
        }
        if (record((props as Cluster).privateClusterConfig).enablePrivateNodes !== true)
          report("privateClusterConfig.enablePrivateNodes is not true: nodes get public IP addresses");
      },
    ),
  },
  {
    name: "gcp-gke-shielded-nodes",
    area: "gcp",
    severity: "medium",
    description:
      "GKE nodes are Shielded VMs with secure boot and integrity monitoring: the cluster keeps `enableShieldedNodes` on, and node configs set `shieldedInstanceConfig.enableSecureBoot` (off by default).",
    remediationSteps:
      "Leave `enableShieldedNodes` unset or true, and set `nodeConfig.shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true }`.",
    references: ["CKV_GCP_71", "CKV_GCP_68", "CKV_GCP_72", "CIS GKE 5.5.5", "CIS GKE 5.5.6", "CIS GKE 5.5.7"],
    validateResource: onNodes((config, field, report, props) => {
      if (field === "" && (props as Cluster).enableShieldedNodes === false)
        report("enableShieldedNodes is false");
      if (field === "") return;
      const shielded = record(config.shieldedInstanceConfig);
      if (shielded.enableSecureBoot !== true)
        report(`${field}.shieldedInstanceConfig.enableSecureBoot is not true`);
      if (shielded.enableIntegrityMonitoring === false)
        report(`${field}.shieldedInstanceConfig.enableIntegrityMonitoring is false`);
    }),
  },
  {
    name: "gcp-gke-release-channel",
    area: "gcp",
    severity: "medium",
    description:
      "GKE clusters follow a release channel (`REGULAR`, `STABLE` …), so Google upgrades the control plane and nodes with security patches.",
    remediationSteps: 'Set `releaseChannel: { channel: "REGULAR" }` (or `"STABLE"`).',
    references: ["CKV_GCP_70", "CIS GKE 5.5.4"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      const channel = record(cluster.releaseChannel).channel;
      if (channel === undefined || channel === "UNSPECIFIED")
        report("no releaseChannel: upgrades are left to the operator");
    }),
  },
  {
    name: "gcp-gke-binary-authorization",
    area: "gcp",
    severity: "medium",
    description:
      "GKE clusters enforce the project's Binary Authorization policy (`binaryAuthorization.evaluationMode: PROJECT_SINGLETON_POLICY_ENFORCE`), so only images the policy admits run.",
    remediationSteps: 'Set `binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" }`.',
    references: ["CKV_GCP_66", "CIS GKE 5.10.4"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      const binauthz = record(cluster.binaryAuthorization);
      if (binauthz.evaluationMode === "PROJECT_SINGLETON_POLICY_ENFORCE") return;
      if (binauthz.evaluationMode === undefined && binauthz.enabled === true) return;
      report("Binary Authorization is not enforced (binaryAuthorization.evaluationMode)");
    }),
  },
  {
    name: "gcp-gke-no-client-certificate",
    area: "gcp",
    severity: "high",
    description:
      "GKE clusters issue no client certificate: a certificate is a static credential to the API server that cannot be revoked short of rotating the cluster's CA.",
    remediationSteps: "Remove `masterAuth.clientCertificateConfig` or set `issueClientCertificate: false`.",
    references: ["CKV_GCP_13", "CIS GKE 5.8.1"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      if (record(record(cluster.masterAuth).clientCertificateConfig).issueClientCertificate === true)
        report("masterAuth.clientCertificateConfig.issueClientCertificate is true");
    }),
  },
  {
    name: "gcp-gke-node-service-account",
    area: "gcp",
    severity: "high",
    description:
      "GKE nodes run as a dedicated, least-privilege service account, not the Compute Engine default account (Editor on the project unless an organisation policy stops it).",
    remediationSteps:
      "Create a service account with the node roles (logging.logWriter, monitoring.metricWriter, monitoring.viewer, stackdriver.resourceMetadata.writer, artifactregistry.reader) and set `nodeConfig.serviceAccount` to it.",
    references: ["CIS GKE 5.2.1"],
    validateResource: onNodes((config, field, report) => {
      if (field !== "" && isDefaultAccount(config))
        report(`${field}.serviceAccount is the Compute Engine default service account (or unset)`);
    }),
  },
  {
    name: "gcp-gke-metadata-server",
    area: "gcp",
    severity: "high",
    description:
      "GKE nodes serve pods the GKE metadata server (`workloadMetadataConfig.mode: GKE_METADATA`), never the node's own metadata and credentials.",
    remediationSteps:
      'Set `nodeConfig.workloadMetadataConfig: { mode: "GKE_METADATA" }` (with Workload Identity on the cluster).',
    references: ["CKV_GCP_69", "CIS GKE 5.4.1"],
    validateResource: onNodes((config, field, report) => {
      const mode = record(config.workloadMetadataConfig).mode;
      if (field !== "" && mode !== undefined && mode !== "GKE_METADATA")
        report(
          `${field}.workloadMetadataConfig.mode is ${String(mode)}: pods can read the node's credentials`,
        );
    }),
  },
  {
    name: "gcp-gke-node-auto-upgrade-repair",
    area: "gcp",
    severity: "medium",
    description:
      "GKE node pools keep auto-upgrade and auto-repair on (the provider's default), so nodes get patches and failed nodes are replaced.",
    remediationSteps: "Remove `management.autoUpgrade: false` and `management.autoRepair: false`.",
    references: ["CKV_GCP_9", "CKV_GCP_10", "CIS GKE 5.5.2", "CIS GKE 5.5.3"],
    validateResource: onInputs<NodePoolArgs>(T.gkeNodePool, (pool, report) => {
      const management = record(pool.management);
      for (const knob of ["autoUpgrade", "autoRepair"] as const)
        if (management[knob] === false) report(`management.${knob} is false`);
    }),
  },
];
