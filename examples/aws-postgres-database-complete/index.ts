// Every PostgresDatabase knob: prod, version, size, storage, names, backups, HA, a shared key, and access
// from a service's task security group only.
import { ContainerService, EncryptionKey, Network, PostgresDatabase } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { environment: "prod" });
  const service = new ContainerService("orders-api", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    image: "ghcr.io/acme/orders:2.0.1",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
  });
  const key = new EncryptionKey("orders-db-key", { environment: "prod", services: ["logs", "rds"] });
  const db = new PostgresDatabase("orders", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
    allowedSecurityGroupIds: [service.taskSecurityGroupId],
    engineVersion: "16.4",
    instanceClass: "db.r6g.xlarge",
    allocatedStorageGiB: 200,
    maxAllocatedStorageGiB: 2000,
    databaseName: "orders",
    masterUsername: "orders_admin",
    backupRetentionDays: 35,
    multiAz: true,
    deletionProtection: true,
    logRetentionDays: 731,
    encryptionKey: key,
    tags: { "data-class": "confidential" },
  });
  return { endpoint: db.endpoint, secretArn: db.masterUserSecretArn };
}
