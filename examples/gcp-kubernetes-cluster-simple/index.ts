// The smallest useful KubernetesCluster: a private regional GKE cluster on a Network with Pod and Service
// ranges, its Secrets and node disks under a key, one autoscaled node pool, and a Kubernetes provider
// (gke-gcloud-auth-plugin) that a Namespace is deployed through.
import { EncryptionKey, KubernetesCluster, Network } from "../../components/gcp";
import { Namespace } from "../../components/kubernetes";

export default function program(): Record<string, unknown> {
  const net = new Network("core", {
    region: "europe-west1",
    kubernetesRanges: { pods: "10.100.0.0/14", services: "10.104.0.0/20" },
  });
  const key = new EncryptionKey("platform", { location: "europe-west1" });
  const cluster = new KubernetesCluster("apps", { network: net, encryptionKey: key });
  new Namespace("storefront", {}, { provider: cluster.provider });
  return { clusterName: cluster.clusterName, endpoint: cluster.endpoint };
}
