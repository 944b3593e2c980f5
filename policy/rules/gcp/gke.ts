// Google Kubernetes Engine rules: RBAC only (no legacy ABAC), an API server not open to the internet, and
// Workload Identity instead of node credentials for pods.
import type { ClusterArgs } from "@pulumi/gcp/container";
import { ResourceRule } from "../../runtime";
import { onInputs, record, records } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { OPEN } from "../ports";
import { T } from "./resource-types";

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
];
