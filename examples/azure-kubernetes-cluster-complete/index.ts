// KubernetesCluster on Azure with every knob: prod (Standard tier, three zones, protected), a pinned minor,
// the workload pool's size and bounds, the system pool's size, Entra administrator groups, address ranges of
// its own, a given workspace, Defender, and the API server public to one CI range (a recorded weakening,
// `publicApiServer`). A web service runs on it through its provider.
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { AKS_KUBERNETES_VERSIONS, EncryptionKey, KubernetesCluster, Network } from "../../components/azure";
import { Namespace, WebService } from "../../components/kubernetes";

export default function program(): Record<string, unknown> {
  const environment = "prod";
  const tags = { "cost-center": "platform", owner: "platform-team" };
  const group = new ResourceGroup(
    "platform",
    {
      location: "westeurope",
      tags: { ...tags, environment, "managed-by": "groundwork", component: "platform" },
    },
    { protect: true },
  );
  const placed = { environment, tags, resourceGroup: group } as const;
  const network = new Network("core", { ...placed, addressSpace: "10.60.0.0/16" });
  const encryptionKey = new EncryptionKey("platform", placed);
  const cluster = new KubernetesCluster("apps", {
    ...placed,
    network,
    encryptionKey,
    version: AKS_KUBERNETES_VERSIONS[0],
    nodes: { vmSize: "Standard_D8ds_v5", min: 3, max: 12 },
    systemVmSize: "Standard_D4ds_v5",
    zones: ["1", "2", "3"],
    administratorGroups: ["6f1c2a9e-0d3b-4c57-9a1e-2b8f4d7c0002"],
    podCidr: "100.64.0.0/16",
    serviceCidr: "172.20.0.0/16",
    apiServerSubnetCidr: "10.60.224.0/28",
    logWorkspaceId: network.logWorkspaceId,
    defender: true,
    // CI outside the network reaches the API server from this range only.
    authorizedIpRanges: ["203.0.113.0/24"],
  });
  const namespace = new Namespace("storefront", { environment }, { provider: cluster.provider });
  const web = new WebService(
    "web",
    {
      namespace: namespace.namespaceName,
      environment,
      containers: [{ name: "web", image: "ghcr.io/groundwork-example/web:2.4.0", port: 8080 }],
    },
    { provider: cluster.provider, dependsOn: [namespace] },
  );
  return {
    cluster: cluster.name,
    endpoint: cluster.endpoint,
    oidcIssuerUrl: cluster.oidcIssuerUrl,
    nodeIdentity: cluster.nodeIdentity,
    weakened: cluster.weakened,
    service: web.serviceName,
  };
}
