// Re-authored after github.com/kristianmandrup/pulumi-gcp-ts-gke@faa1a7dbfe5d576222f4963e45bd362a39f6cedb (index.ts, cluster.ts, config.ts) ((none stated)): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";

const config = new pulumi.Config();
// GKE's newest version unless one is configured (the v9 SDK returns a promise: read its field in then()).
const masterVersion =
  config.get("masterVersion") ?? gcp.container.getEngineVersions().then((v) => v.latestMasterVersion);

// A cluster on that version (basic-auth username and password are gone from the v9 SDK: left out).
const cluster = new gcp.container.Cluster("gke-cluster", {
  initialNodeCount: config.getNumber("nodeCount") ?? 3,
  nodeVersion: masterVersion,
  minMasterVersion: masterVersion,
  nodeConfig: {
    machineType: config.get("nodeMachineType") ?? "n1-standard-1",
    oauthScopes: [
      "https://www.googleapis.com/auth/compute",
      "https://www.googleapis.com/auth/devstorage.read_only",
      "https://www.googleapis.com/auth/logging.write",
      "https://www.googleapis.com/auth/monitoring",
    ],
  },
});

// A kubeconfig from the cluster's endpoint and CA, a provider on it, and a canary nginx deployment.
const kubeconfig = pulumi
  .all([cluster.name, cluster.endpoint, cluster.masterAuth])
  .apply(([name, endpoint, auth]) => {
    const context = `${gcp.config.project}_${gcp.config.zone}_${name}`;
    return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${auth.clusterCaCertificate}
    server: https://${endpoint}
  name: ${context}
contexts:
- context:
    cluster: ${context}
    user: ${context}
  name: ${context}
current-context: ${context}
kind: Config
`;
  });
const provider = new k8s.Provider("gkeK8s", { kubeconfig });
const name = `${pulumi.getProject()}-${pulumi.getStack()}`;
const labels = { app: `canary-${name}` };
new k8s.apps.v1.Deployment(
  "canary",
  {
    spec: {
      selector: { matchLabels: labels },
      replicas: 1,
      template: { metadata: { labels }, spec: { containers: [{ name, image: "nginx" }] } },
    },
  },
  { provider },
);
export const kubeConfig = kubeconfig;
