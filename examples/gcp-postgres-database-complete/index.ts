// A PostgresDatabase with every knob: prod profile, a shared key, client certificates required, a larger
// tier and disk, longer backups, and a network id whose private services connection exists elsewhere.
import { EncryptionKey, PostgresDatabase } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("orders-key", {
    environment: "prod",
    location: "europe-west4",
    services: ["sql"],
  });
  const db = new PostgresDatabase("orders", {
    environment: "prod",
    labels: { "cost-center": "commerce" },
    network: "projects/acme-prod/global/networks/core",
    region: "europe-west4",
    engineVersion: "17",
    tier: "db-custom-8-32768",
    diskSizeGb: 200,
    maxDiskSizeGb: 2000,
    databaseName: "orders",
    sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
    backupRetentionDays: 60,
    multiAz: true,
    deletionProtection: true,
    encryptionKey: key,
    protect: true,
  });
  return { connectionName: db.connectionName, weakened: db.weakened };
}
