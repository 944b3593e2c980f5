// Every PostgresDatabase knob: prod, version, lifecycle, size, storage, names, backups, HA and a shared key;
// and the composition after construction: the database lets the service's tasks in once both exist
// (`allowedSecurityGroupIds` names callers up front instead), and the service logs in as its own
// IAM-authenticated user, never with the master secret RDS rotates.
import { ContainerService, EncryptionKey, Network, PostgresDatabase } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { environment: "prod" });
  const key = new EncryptionKey("orders-db-key", { environment: "prod", services: ["logs", "rds"] });
  const db = new PostgresDatabase("orders", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
    engineVersion: "16",
    extendedSupport: false,
    applyImmediately: true,
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
    environmentVariables: { DATABASE_HOST: db.address, DATABASE_NAME: "orders", DATABASE_USER: "orders_api" },
  });
  // orders-ingress-orders-api-5432 on the database's group, orders-peer-egress-orders-api-5432 on the tasks'.
  db.connections.allowDefaultPortFrom(service);
  // orders-grant-orders-api-read-write: rds-db:connect as orders_api on this instance only. The user is
  // created once in PostgreSQL by the master user: CREATE USER orders_api WITH LOGIN; GRANT rds_iam TO orders_api;
  db.grantConnect(service, { user: "orders_api" });
  return { endpoint: db.endpoint, adminSecretArn: db.masterUserSecretArn };
}
