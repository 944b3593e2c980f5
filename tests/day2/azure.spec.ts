// The day-2 matrix of the Azure components: for each, the changes a user makes after the first deploy,
// each planned against the provider facts (facts/azure/resources.json). A case replaces a stateful
// resource only where it names it, with the reason the replacement is what the user asked for; every
// other change updates in place or is ignored (creation-only properties the component documents).
import {
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  EncryptionKeyArgs,
  Network,
  NetworkArgs,
  PostgresDatabase,
  PostgresDatabaseArgs,
  StorageAccount,
  StorageAccountArgs,
} from "../../components/azure";
import { day2Suite } from "./kit";

const LOC = { location: "westeurope" } as const;
const IMAGE = "contoso.azurecr.io/api:1.8.3";
const REGISTRY =
  "/subscriptions/s/resourceGroups/shared/providers/Microsoft.ContainerRegistry/registries/contoso";

// ---------------------------------------------------------------------------------------------------------
// EncryptionKey

const key =
  (o: EncryptionKeyArgs = {}) =>
  (): void =>
    void new EncryptionKey("data", { ...LOC, ...o });

day2Suite("azure.EncryptionKey (dev)", key(), [
  {
    // Issue 20: ARM never updates a key; the change is ignored, not sent to fail silently (ADR 0017).
    change: "rotationDays 365 → 90: ignored for the existing key, no replacement",
    after: key({ rotationDays: 90 }),
  },
  { change: "keySize 3072 → 4096: ignored for the existing key", after: key({ keySize: 4096 }) },
  {
    change: "tags added (the vault's update; the key's are fixed)",
    after: key({ tags: { team: "payments" } }),
  },
  { change: "logRetentionDays 30 → 90", after: key({ logRetentionDays: 90 }) },
  { change: "profile dev → staging", after: key({ environment: "staging" }) },
  { change: "profile dev → prod (protect, log retention)", after: key({ environment: "prod" }) },
  {
    change: "location westeurope → northeurope",
    after: key({ location: "northeurope" }),
    replaces: {
      "data-rg": "the group the component created follows the location: the user asked for another region",
      "data-kv": "a vault cannot move: a new vault in the new region (documented on `location`)",
      "data-key": "a key lives in its vault",
      "data-logs": "a workspace cannot move: the new region's workspace starts empty",
    },
  },
]);

day2Suite("azure.EncryptionKey (prod)", key({ environment: "prod" }), [
  {
    change: "rotationDays 365 → 180 in prod: nothing replaced",
    after: key({ environment: "prod", rotationDays: 180 }),
  },
  {
    change: "protect off in prod (a recorded weakening): tags change, nothing replaced",
    after: key({ environment: "prod", protect: false }),
  },
]);

// ---------------------------------------------------------------------------------------------------------
// StorageAccount

const account =
  (o: StorageAccountArgs = {}) =>
  (): void =>
    void new StorageAccount("files", { ...LOC, ...o });

day2Suite("azure.StorageAccount (dev)", account(), [
  { change: "softDeleteDays 7 → 30", after: account({ softDeleteDays: 30 }) },
  { change: "a container added", after: account({ containers: ["uploads"] }) },
  { change: "logRetentionDays 30 → 90", after: account({ logRetentionDays: 90 }) },
  { change: "tags added", after: account({ tags: { team: "files" } }) },
  {
    change: "publicNetworkAccess on with an allowed range (a recorded weakening)",
    after: account({ publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }),
  },
  { change: "sharedKeyAccess on (a recorded weakening)", after: account({ sharedKeyAccess: true }) },
  { change: "sharedKeyAccess off again", before: account({ sharedKeyAccess: true }), after: account() },
  { change: "profile dev → staging (LRS → ZRS, in place)", after: account({ environment: "staging" }) },
  {
    change: "profile staging → prod (ZRS → GZRS, protect)",
    before: account({ environment: "staging" }),
    after: account({ environment: "prod" }),
  },
  {
    change: "a container removed",
    before: account({ containers: ["uploads"] }),
    after: account(),
    replaces: { "files-uploads": "the user removed the container: its blobs go with it (protected in prod)" },
  },
]);

// ---------------------------------------------------------------------------------------------------------
// Network

const network =
  (o: NetworkArgs = {}, flowLogs = true) =>
  (): void => {
    const n = new Network("core", { ...LOC, addressSpace: "10.40.0.0/16", ...o });
    if (flowLogs)
      n.flowLogsTo("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flows");
  };

day2Suite("azure.Network", network(), [
  { change: "flow logs added to an existing network", before: network({}, false), after: network() },
  { change: "logRetentionDays 30 → 90 (workspace and flow logs)", after: network({ logRetentionDays: 90 }) },
  { change: "tags added", after: network({ tags: { team: "net" } }) },
  {
    change: "nat off",
    after: network({ nat: false }),
    replaces: {
      "core-nat-ip": "the user turned the NAT gateway off: its address goes with it",
      "core-nat": "the user turned the NAT gateway off",
    },
  },
  { change: "nat on", before: network({ nat: false }), after: network() },
  {
    change: "profile dev → staging: the NAT address becomes zone-redundant",
    after: network({ environment: "staging" }),
    replaces: {
      "core-nat-ip":
        "a public IP's zones are fixed at creation: zone redundancy is a new address (documented in README's day-2 notes)",
    },
  },
  { change: "a tier added", before: network({ tiers: ["private", "data"] }), after: network() },
  {
    change: "addressSpace 10.40.0.0/16 → 10.40.0.0/15 (subnets move)",
    after: network({ addressSpace: "10.40.0.0/15" }),
  },
]);

// ---------------------------------------------------------------------------------------------------------
// PostgresDatabase

const database =
  (o: Partial<PostgresDatabaseArgs> = {}, geo = false) =>
  (): void => {
    const n = new Network("core", LOC);
    const geoKey = geo
      ? new EncryptionKey("geo", { location: "northeurope", environment: o.environment })
      : undefined;
    new PostgresDatabase("app", { ...LOC, network: n, geoBackupEncryptionKey: geoKey, ...o });
  };
const ADMIN = { objectId: "00000000-0000-4000-8000-00000000000a", principalName: "db-admins" };

day2Suite("azure.PostgresDatabase (dev)", database(), [
  {
    change: "skuName Standard_B1ms → Standard_B2s (scale up)",
    after: database({ skuName: "Standard_B2s" }),
  },
  {
    change: "tier Burstable → GeneralPurpose, Standard_D2ds_v5",
    after: database({ skuTier: "GeneralPurpose", skuName: "Standard_D2ds_v5" }),
  },
  // Issue 20: the size Azure grows is the first one; a later number is not sent.
  { change: "storageGiB 32 → 128: ignored (Azure grows the disk)", after: database({ storageGiB: 128 }) },
  { change: "backupRetentionDays 7 → 14", after: database({ backupRetentionDays: 14 }) },
  { change: "engineVersion 16 → 17 (an in-place major upgrade)", after: database({ engineVersion: "17" }) },
  { change: "an Entra administrator added", after: database({ administrators: [ADMIN] }) },
  {
    change: "multiAz on (GeneralPurpose)",
    before: database({ skuTier: "GeneralPurpose", skuName: "Standard_D2ds_v5" }),
    after: database({ skuTier: "GeneralPurpose", skuName: "Standard_D2ds_v5", multiAz: true }),
  },
  { change: "deletionProtection on (a lock)", after: database({ deletionProtection: true }) },
  { change: "logRetentionDays 30 → 90", after: database({ logRetentionDays: 90 }) },
  { change: "tags added", after: database({ tags: { team: "orders" } }) },
  {
    change: "profile dev → staging (SKU, storage ignored, HA, backups, lock)",
    after: database({ environment: "staging" }),
  },
  {
    change: "passwordAuth on with a password (a recorded weakening): the login is set the first time",
    after: database({ passwordAuth: true, administratorLoginPassword: "s3cret-Passw0rd" }),
  },
  {
    change: "staging: multiAz and deletionProtection off (recorded weakenings)",
    before: database({ environment: "staging" }),
    after: database({ environment: "staging", multiAz: false, deletionProtection: false }),
  },
  {
    change: "databaseName app → orders",
    after: database({ databaseName: "orders" }),
    replaces: { "app-db": "another name is another database: the user asked for it (protected in prod)" },
  },
]);

day2Suite("azure.PostgresDatabase (prod)", database({ environment: "prod" }, true), [
  {
    change: "prod: skuName up",
    after: database({ environment: "prod", skuName: "Standard_D8ds_v5" }, true),
  },
  {
    change: "prod: backupRetentionDays 30 → 35",
    after: database({ environment: "prod", backupRetentionDays: 35 }, true),
  },
  {
    change: "prod: protect off (a recorded weakening): nothing replaced",
    after: database({ environment: "prod", protect: false }, true),
  },
]);

// ---------------------------------------------------------------------------------------------------------
// ContainerService

const service =
  (o: Partial<ContainerServiceArgs> = {}) =>
  (): void => {
    const n = new Network("core", LOC);
    new ContainerService("api", { ...LOC, network: n, image: IMAGE, ...o });
  };

day2Suite("azure.ContainerService (dev)", service(), [
  {
    change: "image 1.8.3 → 1.9.0 (a new revision)",
    after: service({ image: "contoso.azurecr.io/api:1.9.0" }),
  },
  { change: "cpu 0.25 → 0.5, memory 0.5Gi → 1Gi", after: service({ cpu: 0.5, memory: "1Gi" }) },
  {
    change: "minCapacity 1 → 2, maxCapacity → 10 (scale)",
    after: service({ minCapacity: 2, maxCapacity: 10 }),
  },
  {
    change: "environment variables changed",
    after: service({ environmentVariables: { LOG_LEVEL: "debug" } }),
  },
  {
    change: "a registry added (AcrPull granted first)",
    after: service({ registryServer: "contoso.azurecr.io", registryId: REGISTRY }),
  },
  { change: "containerPort 8080 → 9000", after: service({ containerPort: 9000 }) },
  { change: "tags added", after: service({ tags: { team: "api" } }) },
  {
    change: "profile dev → prod: the environment becomes zone-redundant",
    after: service({ environment: "prod" }),
    replaces: {
      "api-env":
        "zone redundancy is chosen when an environment is created: a new environment (documented), the app moves with it",
      "api-app": "an app lives in its environment",
      "api-env-dns": "the zone is the environment's default domain: a new environment has a new one",
    },
  },
]);
