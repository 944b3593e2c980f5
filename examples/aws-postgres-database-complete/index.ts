// Every PostgresDatabase knob: prod, version, size, storage, names, backups, HA and a shared key; and the
// composition after construction: the service reads the database's managed secret, and the database lets
// the service's tasks in once both exist (`allowedSecurityGroupIds` names callers up front instead).
import * as pulumi from "@pulumi/pulumi";
import { ContainerService, EncryptionKey, Network, PostgresDatabase } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { environment: "prod" });
  const key = new EncryptionKey("orders-db-key", { environment: "prod", services: ["logs", "rds"] });
  const db = new PostgresDatabase("orders", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
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
  const service = new ContainerService("orders-api", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    image: "ghcr.io/acme/orders:2.0.1",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
    // The RDS-managed secret, one JSON key per variable, decrypted with the database key.
    secrets: {
      DATABASE_USERNAME: pulumi.interpolate`${db.masterUserSecretArn}:username::`,
      DATABASE_PASSWORD: pulumi.interpolate`${db.masterUserSecretArn}:password::`,
    },
    secretKeyArns: [db.keyArn],
  });
  // orders-ingress-orders-api-5432 on the database's group, orders-peer-egress-orders-api-5432 on the tasks'.
  db.connections.allowDefaultPortFrom(service);
  return { endpoint: db.endpoint, secretArn: db.masterUserSecretArn };
}
