// The Google Cloud flavour of the reference platform: the APIs it needs, a custom-mode VPC with Cloud NAT
// and the private services connection, a Cloud KMS key, two buckets, a Cloud Run service and a Cloud SQL
// PostgreSQL instance it logs in to with IAM database authentication (no password exists anywhere), and,
// when configured, a private GKE cluster the Kubernetes half deploys to.
import * as pulumi from "@pulumi/pulumi";
import {
  Bucket,
  ContainerService,
  EncryptionKey,
  GCP_APIS,
  KubernetesCluster,
  Network,
  PostgresDatabase,
  ProjectApis,
} from "../components/gcp";
import { CloudConfig } from "./config";
import { PlatformResult } from "./result";

/**
 * The APIs the platform's resources call (besides GCP_PREREQUISITE_APIS, which must be on already): each
 * component's own (`GCP_APIS`), without the ones of options the platform does not use (Secret Manager).
 * tests/stacks/gcp-apis.spec.ts holds this equal to the `apis` facts of every type the stacks create, and
 * the README's checklist to this.
 */
export const GCP_PLATFORM_APIS: readonly string[] = [
  ...new Set([
    ...GCP_APIS.EncryptionKey,
    ...GCP_APIS.Network,
    ...GCP_APIS.Bucket,
    ...GCP_APIS.PostgresDatabase,
    ...GCP_APIS.ContainerService.filter((api) => api !== "secretmanager.googleapis.com"),
    ...GCP_APIS.KubernetesCluster,
  ]),
].sort();

/** Composes the Google Cloud platform; returns the stack outputs an operator needs, and the database. */
export function gcpPlatform(config: CloudConfig<"gcp">, labels: Record<string, string>): PlatformResult {
  const { environment, region } = config;

  // The APIs first; every component waits for them (and passes the wait on to each of its children).
  // A deployer that may not enable APIs sets `enableApis: false` and has the project's owner enable them.
  const after: pulumi.ComponentResourceOptions = config.enableApis
    ? { dependsOn: [new ProjectApis("platform-apis", { apis: [...GCP_PLATFORM_APIS] })] }
    : {};

  // One key for the platform's data at rest, granted to the storage, Cloud SQL and Cloud Run agents.
  const key = new EncryptionKey(
    "platform",
    { environment, labels, location: region, services: ["storage", "sql", "run"] },
    after,
  );

  // Cloud SQL's private IP needs the private services range and its Service Networking connection.
  const network = new Network(
    "core",
    {
      environment,
      region,
      cidrBlock: config.network.cidrBlock,
      privateServices: true,
      kubernetesRanges: config.network.kubernetesRanges,
    },
    after,
  );

  // The stack's own cluster, Secrets and boot disks under the platform key (whose GKE and Compute Engine
  // agent grants it adds); the Kubernetes half deploys through its provider.
  const cluster =
    config.cluster &&
    new KubernetesCluster(
      "apps",
      {
        environment,
        labels,
        network,
        region,
        encryptionKey: key,
        version: config.cluster.version,
        authorizedNetworks: config.cluster.authorizedNetworks,
      },
      after,
    );

  // Usage logs go to a `<name>-logs` bucket each, unless the stack names a central one (organisations that
  // enforce Domain Restricted Sharing refuse the grant a new log bucket needs: docs/adr/0010).
  const logs = config.storage.accessLogBucket;
  const storage = { environment, labels, location: region, encryptionKey: key, accessLogBucket: logs };
  const assets = new Bucket("assets", storage, after);
  const uploads = new Bucket("uploads", storage, after);

  const database = new PostgresDatabase(
    "app",
    {
      environment,
      labels,
      network,
      region,
      engineVersion: config.database.engineVersion,
      databaseName: config.database.databaseName,
      encryptionKey: key,
    },
    after,
  );

  const api = new ContainerService(
    "api",
    {
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
    },
    after,
  );
  assets.grantRead(api);
  uploads.grantWrite(api);
  // The service's account becomes a Cloud SQL IAM user of this instance only; table privileges are
  // granted inside PostgreSQL by the application's migrations.
  database.grantConnect(api);

  return {
    database,
    ...(cluster ? { cluster: cluster.provider } : {}),
    outputs: {
      ...(cluster ? { clusterName: cluster.clusterName, clusterEndpoint: cluster.endpoint } : {}),
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
