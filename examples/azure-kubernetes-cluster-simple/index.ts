// The smallest useful KubernetesCluster on Azure: a private AKS cluster on the network's private tier, Entra
// ID with Azure RBAC and no local accounts, Secrets encrypted with the key (KMS), and a namespace deployed
// through its kubelogin provider.
import { EncryptionKey, KubernetesCluster, Network } from "../../components/azure";
import { Namespace } from "../../components/kubernetes";

export default function program(): Record<string, unknown> {
  const location = "westeurope";
  const network = new Network("core", { location });
  const encryptionKey = new EncryptionKey("platform", { location });
  const cluster = new KubernetesCluster("apps", { location, network, encryptionKey });
  const namespace = new Namespace("storefront", {}, { provider: cluster.provider });
  return { cluster: cluster.name, endpoint: cluster.endpoint, namespace: namespace.namespaceName };
}
