// A ContainerService with every knob: prod sizes and bounds, a shared key, all egress through the
// network, plain settings and Secret Manager references, and a bucket read granted to the service.
import { Bucket, ContainerService, EncryptionKey, Network } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const net = new Network("core", { environment: "prod", region: "europe-west4", healthCheckPorts: [8080] });
  const key = new EncryptionKey("api-key", {
    environment: "prod",
    location: "europe-west4",
    services: ["run"],
  });
  const api = new ContainerService("api", {
    environment: "prod",
    labels: { team: "payments" },
    image: "europe-docker.pkg.dev/acme/apps/api@sha256:" + "a".repeat(64),
    network: net,
    vpcEgress: "ALL_TRAFFIC",
    containerPort: 8080,
    cpu: "4",
    memory: "4Gi",
    minCapacity: 3,
    maxCapacity: 20,
    environmentVariables: { LOG_LEVEL: "info" },
    secrets: { DB_PASSWORD: "projects/acme-prod/secrets/api-db-password/versions/2" },
    encryptionKey: key,
    protect: true,
  });
  const reports = new Bucket("reports", { environment: "prod", location: "europe-west4" });
  reports.grantRead(api);
  return { url: api.url, weakened: api.weakened };
}
