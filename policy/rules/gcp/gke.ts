// Google Kubernetes Engine rules: RBAC only (no legacy ABAC), an API server not open to the internet, and
// Workload Identity instead of node credentials for pods.
import type { ClusterArgs } from "@pulumi/gcp/container";
import { ResourceRule } from "../../runtime";
import { onInputs, record, records } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { OPEN } from "../ports";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

export const gkeRules: ResourceRule[] = [
  {
    name: "gcp-gke-no-legacy-abac",
    area: "gcp",
    severity: "high",
    description: "GKE clusters authorize with RBAC only: legacy ABAC grants broad, static permissions.",
    remediationSteps: "Remove `enableLegacyAbac` (or set it to false) and grant access with Kubernetes RBAC.",
    references: ["CKV_GCP_7"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      if (cluster.enableLegacyAbac === true) report("enableLegacyAbac is true");
    }),
  },
  {
    name: "gcp-gke-endpoint-restricted",
    area: "gcp",
    severity: "high",
    description:
      "GKE control planes are private, or their public endpoint admits only master authorized networks (never 0.0.0.0/0).",
    remediationSteps:
      "Set `privateClusterConfig.enablePrivateEndpoint: true`, or `masterAuthorizedNetworksConfig.cidrBlocks` listing your networks.",
    references: ["CKV_GCP_20", "CKV_GCP_18"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      if (record(cluster.privateClusterConfig).enablePrivateEndpoint === true) return;
      if (cluster.masterAuthorizedNetworksConfig === undefined) {
        report("the public endpoint admits any address (no masterAuthorizedNetworksConfig)");
        return;
      }
      for (const block of records(record(cluster.masterAuthorizedNetworksConfig).cidrBlocks)) {
        if (OPEN.includes(String(block.cidrBlock)))
          report(`master authorized network ${block.cidrBlock} admits any address`);
      }
    }),
  },
  {
    name: "gcp-gke-workload-identity",
    area: "gcp",
    severity: "medium",
    description:
      "GKE clusters use Workload Identity, so pods get their own Google identity rather than the node's.",
    remediationSteps:
      'Set `workloadIdentityConfig: { workloadPool: "<project>.svc.id.goog" }` (Autopilot clusters have it on).',
    references: ["Groundwork BASELINE Kubernetes"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      if (cluster.enableAutopilot === true) return;
      if (!isSet(record(cluster.workloadIdentityConfig), "workloadPool"))
        report("no workloadIdentityConfig.workloadPool (pods use the node's service account)");
    }),
  },
  {
    name: "gcp-gke-network-policy",
    area: "gcp",
    severity: "medium",
    description:
      "GKE clusters enforce Kubernetes NetworkPolicies: GKE Dataplane V2 (`datapathProvider: ADVANCED_DATAPATH`, " +
      "Autopilot's default) or the Calico `networkPolicy` add-on. Without either, NetworkPolicy objects do nothing.",
    remediationSteps: 'Set `datapathProvider: "ADVANCED_DATAPATH"` (or `networkPolicy: { enabled: true }`).',
    references: ["CKV_GCP_12", "CIS GKE 4.3.1"],
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report) => {
      if (cluster.enableAutopilot === true || cluster.datapathProvider === "ADVANCED_DATAPATH") return;
      if (record(cluster.networkPolicy).enabled !== true)
        report("neither Dataplane V2 nor the networkPolicy add-on is on: NetworkPolicies are not enforced");
    }),
  },
  {
    name: "gcp-gke-secrets-encryption",
    area: "gcp",
    severity: "high",
    description:
      "GKE clusters encrypt Kubernetes Secrets at the application layer under a customer-managed Cloud KMS key " +
      "(`databaseEncryption`); GKE encrypts etcd under a Google-managed key otherwise, which " +
      "`customerManagedKey: false` accepts.",
    remediationSteps: 'Set `databaseEncryption: { state: "ENCRYPTED", keyName: <crypto key id> }`.',
    references: ["CIS GKE 5.3.1"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<ClusterArgs>(T.gkeCluster, (cluster, report, args) => {
      if (!asksForKey(args, record(cluster.resourceLabels).environment)) return;
      const encryption = record(cluster.databaseEncryption);
      if (encryption.state !== "ENCRYPTED" || !isSet(encryption, "keyName"))
        report(
          `databaseEncryption is not ENCRYPTED with a keyName: Secrets use a Google-managed key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
