// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/kubernetes-gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

const gcpConfig = new pulumi.Config("gcp");
const project = gcpConfig.require("project");
const region = gcpConfig.get("region") ?? "us-central1";

// A VPC-native private-node GKE cluster whose control plane any network may reach, and a node pool.
const network = new gcp.compute.Network("gke-network", {
  autoCreateSubnetworks: false,
  description: "A virtual network for your GKE cluster(s)",
});
const subnet = new gcp.compute.Subnetwork("gke-subnet", {
  ipCidrRange: "10.128.0.0/12",
  network: network.id,
  privateIpGoogleAccess: true,
});
const cluster = new gcp.container.Cluster("gke-cluster", {
  addonsConfig: { dnsCacheConfig: { enabled: true } },
  binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
  datapathProvider: "ADVANCED_DATAPATH",
  description: "A GKE cluster",
  initialNodeCount: 1,
  ipAllocationPolicy: { clusterIpv4CidrBlock: "/14", servicesIpv4CidrBlock: "/20" },
  location: region,
  masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0", displayName: "All networks" }] },
  network: network.name,
  networkingMode: "VPC_NATIVE",
  privateClusterConfig: {
    enablePrivateNodes: true,
    enablePrivateEndpoint: false,
    masterIpv4CidrBlock: "10.100.0.0/28",
  },
  removeDefaultNodePool: true,
  releaseChannel: { channel: "STABLE" },
  subnetwork: subnet.name,
  workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` },
});
const nodeSa = new gcp.serviceaccount.Account("gke-nodepool-sa", {
  accountId: pulumi.interpolate`${cluster.name}-np-1-sa`,
  displayName: "Nodepool 1 Service Account",
});
new gcp.container.NodePool("gke-nodepool", {
  cluster: cluster.id,
  nodeCount: 1,
  nodeConfig: {
    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
    serviceAccount: nodeSa.email,
  },
});
export const clusterId = cluster.id;
export const kubeconfig = pulumi.interpolate`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${cluster.masterAuth.clusterCaCertificate}
    server: https://${cluster.endpoint}
  name: ${cluster.name}
current-context: ${cluster.name}
kind: Config
`;
