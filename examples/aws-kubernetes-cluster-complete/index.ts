// Every KubernetesCluster knob: prod over three zones, a pinned minor, node sizing, two administrators, the
// API reachable from the VPC and (a recorded weakening) from an office range, log retention and tags; then
// the composition after construction: a hardened namespace and web service deployed through the cluster's
// exec-credential provider, and the database letting the pods in by the cluster security group.
import { EncryptionKey, KubernetesCluster, Network, PostgresDatabase } from "../../components/aws";
import { Namespace, WebService } from "../../components/kubernetes";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("platform", { environment: "prod", services: ["logs", "rds"] });
  const network = new Network("core", { environment: "prod", cidrBlock: "10.40.0.0/16", encryptionKey: key });
  const cluster = new KubernetesCluster("apps", {
    environment: "prod",
    network,
    encryptionKey: key,
    version: "1.35",
    administrators: [
      "arn:aws:iam::123456789012:role/platform-deployer",
      "arn:aws:iam::123456789012:role/platform-sre",
    ],
    nodes: { instanceType: "m7i.xlarge", min: 3, max: 15, diskSizeGiB: 200 },
    privateAccessCidrs: ["10.40.0.0/16"],
    publicAccessCidrs: ["203.0.113.0/24"],
    logRetentionDays: 731,
    deletionProtection: true,
    tags: { "cost-center": "platform" },
  });
  const db = new PostgresDatabase("orders", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
    encryptionKey: key,
  });
  // orders-ingress-apps-5432: PostgreSQL from the cluster security group (nodes and pods).
  db.connections.allowDefaultPortFrom(cluster);

  const namespace = new Namespace("storefront", { environment: "prod" }, { provider: cluster.provider });
  new WebService(
    "web",
    {
      environment: "prod",
      namespace: namespace.namespaceName,
      containers: [{ name: "web", image: "ghcr.io/acme/web:2.4.0", port: 8080 }],
      egress: [{ to: db }],
    },
    { provider: cluster.provider, dependsOn: [namespace] },
  );
  return { clusterName: cluster.name, endpoint: cluster.endpoint, kubeconfig: cluster.kubeconfig };
}
