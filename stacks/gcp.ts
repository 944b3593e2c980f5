// The Google Cloud flavour of the reference platform: a custom-mode VPC with Cloud NAT and the private
// services connection, a Cloud KMS key, two buckets, a Cloud Run service and a Cloud SQL PostgreSQL
// instance it logs in to with IAM database authentication (no password exists anywhere).
import { Bucket, ContainerService, EncryptionKey, Network, PostgresDatabase } from "../components/gcp";
import { CloudConfig } from "./config";
import { PlatformResult } from "./result";

/** Composes the Google Cloud platform; returns the stack outputs an operator needs, and the database. */
export function gcpPlatform(config: CloudConfig<"gcp">, labels: Record<string, string>): PlatformResult {
  const { environment, region } = config;

  // One key for the platform's data at rest, granted to the storage, Cloud SQL and Cloud Run agents.
  const key = new EncryptionKey("platform", {
    environment,
    labels,
    location: region,
    services: ["storage", "sql", "run"],
  });

  // Cloud SQL's private IP needs the private services range and its Service Networking connection.
  const network = new Network("core", {
    environment,
    region,
    cidrBlock: config.network.cidrBlock,
    privateServices: true,
  });

  const assets = new Bucket("assets", { environment, labels, location: region, encryptionKey: key });
  const uploads = new Bucket("uploads", { environment, labels, location: region, encryptionKey: key });

  const database = new PostgresDatabase("app", {
    environment,
    labels,
    network,
    region,
    engineVersion: config.database.engineVersion,
    databaseName: config.database.databaseName,
    encryptionKey: key,
  });

  const api = new ContainerService("api", {
    environment,
    labels,
    image: config.service.image,
    network,
    region,
    containerPort: config.service.port,
    publicAccess: config.service.publicAccess,
    encryptionKey: key,
    // Where the data is; the Cloud SQL connector logs in as the service's own account (no password).
    environmentVariables: {
      ASSETS_BUCKET: assets.bucketName,
      UPLOADS_BUCKET: uploads.bucketName,
      DATABASE_INSTANCE: database.connectionName,
      DATABASE_NAME: database.databaseName,
    },
  });
  assets.grantRead(api);
  uploads.grantWrite(api);
  // The service's account becomes a Cloud SQL IAM user of this instance only; table privileges are
  // granted inside PostgreSQL by the application's migrations.
  database.grantConnect(api);

  return {
    database,
    outputs: {
      networkId: network.networkId,
      privateSubnetId: network.privateSubnetId,
      keyId: key.keyId,
      assetsBucket: assets.bucketName,
      uploadsBucket: uploads.bucketName,
      apiUrl: api.url,
      apiServiceAccount: api.serviceAccountEmail,
      databaseConnectionName: database.connectionName,
      databasePrivateIp: database.privateIpAddress,
    },
  };
}
