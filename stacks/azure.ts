// The Azure flavour of the reference platform: one resource group holding a VNet with NSGs and flow logs
// to a Log Analytics workspace, a Key Vault key, two storage accounts, a Container App in an internal
// environment and a PostgreSQL flexible server administered by an Entra group (no password exists).
import { ResourceGroup } from "@pulumi/azure-native/resources";
import {
  ContainerService,
  EncryptionKey,
  Network,
  PostgresDatabase,
  StorageAccount,
} from "../components/azure";
import { PROFILES } from "../components/core";
import { CloudConfig } from "./config";
import { PlatformResult } from "./result";

/** Composes the Azure platform; returns the stack outputs an operator needs, and the database. */
export function azurePlatform(config: CloudConfig<"azure">, tags: Record<string, string>): PlatformResult {
  const { environment, location } = config;
  // Deleting a resource group deletes everything in it: protected wherever the profile protects data.
  // The one raw resource here carries the tags the components put on theirs (azure-required-tags).
  const groupTags = { ...tags, environment, "managed-by": "groundwork", component: "platform" };
  const group = new ResourceGroup(
    "platform",
    { location, tags: groupTags },
    { protect: PROFILES[environment].protect },
  );
  const placed = { environment, tags, resourceGroup: group };

  // The network creates the workspace every other component sends its diagnostics to.
  const network = new Network("core", { ...placed, addressSpace: config.network.addressSpace });
  const logWorkspaceId = network.logWorkspaceId;

  // One Key Vault key for the platform's data at rest; each consumer gets its own identity and grant.
  const key = new EncryptionKey("platform", { ...placed, logWorkspaceId });

  // Reached from the network through private endpoints (public network access stays off).
  const stored = { ...placed, encryptionKey: key, logWorkspaceId, network };
  const assets = new StorageAccount("assets", { ...stored, containers: ["assets"] });
  const uploads = new StorageAccount("uploads", { ...stored, containers: ["uploads"] });
  // The VNet's flow logs: written by Network Watcher (a trusted service) to an account of their own.
  const flowLogs = new StorageAccount("flowlogs", { ...placed, encryptionKey: key, logWorkspaceId });
  network.flowLogsTo(flowLogs.accountId);

  // Geo-redundant backups (on in prod) are kept in the paired region, and Azure needs their key there (in
  // the platform's resource group all the same: a group's location is only where its metadata lives).
  const geoBackupEncryptionKey =
    config.database.geoBackupLocation === undefined
      ? undefined
      : new EncryptionKey("platform-geo", {
          ...placed,
          location: config.database.geoBackupLocation,
          logWorkspaceId,
        });
  const database = new PostgresDatabase("app", {
    ...placed,
    network,
    encryptionKey: key,
    geoBackupEncryptionKey,
    logWorkspaceId,
    engineVersion: config.database.engineVersion,
    databaseName: config.database.databaseName,
    administrators: [
      {
        objectId: config.database.administratorGroup.objectId,
        principalName: config.database.administratorGroup.name,
        principalType: "Group",
      },
    ],
  });

  const api = new ContainerService("api", {
    ...placed,
    network,
    logWorkspaceId,
    image: config.service.image,
    containerPort: config.service.port,
    registryServer: config.service.registry?.server,
    registryId: config.service.registry?.id,
    // Where the data is; the app signs in to storage and PostgreSQL with its identity (no key, no password).
    environmentVariables: {
      ASSETS_BLOB_ENDPOINT: assets.blobEndpoint,
      UPLOADS_BLOB_ENDPOINT: uploads.blobEndpoint,
      DATABASE_HOST: database.host,
      DATABASE_NAME: database.databaseName,
    },
  });
  assets.grantRead(api);
  uploads.grantReadWrite(api);

  return {
    database,
    outputs: {
      resourceGroupName: group.name,
      vnetId: network.vnetId,
      logWorkspaceId,
      keyVaultUri: key.vaultUri,
      keyId: key.keyId,
      assetsAccount: assets.accountName,
      uploadsAccount: uploads.accountName,
      apiFqdn: api.fqdn,
      databaseHost: database.host,
      databaseName: database.databaseName,
    },
  };
}
