// The smallest useful KubernetesCluster: a private dev EKS cluster in a Network's private subnets, its
// Secrets, logs and node volumes under one key, administered by the role that deploys.
import { EncryptionKey, KubernetesCluster, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("platform", { services: ["logs"] });
  const network = new Network("core", { encryptionKey: key });
  const cluster = new KubernetesCluster("apps", {
    network,
    encryptionKey: key,
    administrators: ["arn:aws:iam::123456789012:role/platform-deployer"],
  });
  return { clusterName: cluster.name, endpoint: cluster.endpoint };
}
