// The day-2 matrix of the Google Cloud components: for each, the changes a user makes after the first
// deploy, each planned against the provider facts (facts/gcp/resources.json). A case replaces a stateful
// resource only where it names it, with the reason the replacement is what the user asked for; every
// other change updates in place or is ignored (creation-only properties the component documents).
import {
  Bucket,
  BucketArgs,
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  EncryptionKeyArgs,
  KubernetesCluster,
  KubernetesClusterArgs,
  Network,
  NetworkArgs,
  PostgresDatabase,
  PostgresDatabaseArgs,
  ProjectApis,
} from "../../components/gcp";
import { Day2Case, day2Suite } from "./kit";

const NETWORK_ID = "projects/p/global/networks/n";
const SUBNET = { networkId: NETWORK_ID, subnetId: "projects/p/regions/europe-west1/subnetworks/s" };
const IMAGE = "europe-docker.pkg.dev/acme/apps/api:1.8.3";

// ---------------------------------------------------------------------------------------------------------
// EncryptionKey

const key =
  (o: EncryptionKeyArgs = {}) =>
  (): void =>
    void new EncryptionKey("data", { location: "europe-west1", services: ["storage"], ...o });

day2Suite("gcp.EncryptionKey (dev)", key(), [
  { change: "rotationPeriodDays 90 → 30", after: key({ rotationPeriodDays: 30 }) },
  {
    // Issue 20: destroyScheduledDuration is ForceNew; the key ignores it rather than be replaced.
    change: "deletionWindowDays 30 → 60: the key is kept (the window is set at creation only)",
    after: key({ deletionWindowDays: 60 }),
  },
  {
    change: "deletionWindowDays 30 → 7 (a recorded weakening): the key is kept",
    after: key({ deletionWindowDays: 7 }),
  },
  { change: "labels added", after: key({ labels: { team: "payments" } }) },
  {
    change: "services: the Cloud SQL and Cloud Run agents granted too",
    after: key({ services: ["storage", "sql", "run"] }),
  },
  { change: "protect on in dev", after: key({ protect: true }) },
  { change: "profile dev → prod (prevent-destroy, protect)", after: key({ environment: "prod" }) },
  {
    change: "location europe-west1 → europe-west4",
    after: key({ location: "europe-west4" }),
    replaces: {
      "data-ring":
        "a key ring cannot move: the user asked for a key in another place (documented on `location`)",
      "data-cmk": "a key lives in its ring: the new ring's key is a new key",
    },
  },
]);

day2Suite("gcp.EncryptionKey (prod)", key({ environment: "prod" }), [
  {
    change: "deletionWindowDays 30 → 90 on a protected key: still no replacement",
    after: key({ environment: "prod", deletionWindowDays: 90 }),
  },
  { change: "rotationPeriodDays 90 → 60", after: key({ environment: "prod", rotationPeriodDays: 60 }) },
  {
    change:
      "protect off in prod (a recorded weakening): provider-side prevent-destroy off too, nothing replaced",
    after: key({ environment: "prod", protect: false }),
  },
]);

// ---------------------------------------------------------------------------------------------------------
// Bucket

const bucket =
  (o: BucketArgs = {}) =>
  (): void =>
    void new Bucket("files", { location: "europe-west1", ...o });

day2Suite("gcp.Bucket (dev)", bucket(), [
  { change: "softDeleteDays 7 → 30", after: bucket({ softDeleteDays: 30 }) },
  {
    change: "noncurrentVersionExpirationDays 90 → 30",
    after: bucket({ noncurrentVersionExpirationDays: 30 }),
  },
  { change: "abortIncompleteUploadDays 7 → 1", after: bucket({ abortIncompleteUploadDays: 1 }) },
  { change: "logRetentionDays 30 → 90", after: bucket({ logRetentionDays: 90 }) },
  { change: "labels added", after: bucket({ labels: { "cost-center": "analytics" } }) },
  { change: "profile dev → staging (retention)", after: bucket({ environment: "staging" }) },
  { change: "profile dev → prod (retention, protect)", after: bucket({ environment: "prod" }) },
  {
    change: "accessLogging off (a recorded weakening)",
    after: bucket({ accessLogging: false }),
    replaces: {
      "files-logs":
        "the user turned usage logs off: the log bucket goes, which forceDestroy: false refuses while it holds logs",
    },
  },
  {
    change: "usage logs to a central bucket (the Domain Restricted Sharing path)",
    after: bucket({ accessLogBucket: "acme-usage-logs" }),
    replaces: {
      "files-logs": "the user named another log bucket: the own one goes, refused while it holds logs",
    },
  },
  {
    change: "location europe-west1 → EU",
    after: bucket({ location: "EU" }),
    replaces: {
      "files-bucket": "a bucket cannot move: the user asked for another location (documented on `location`)",
      "files-logs": "the log bucket follows the bucket's location",
      "files-key-ring": "the key follows the data: a bucket in EU takes a key in europe",
      "files-key-cmk": "a key lives in its ring",
    },
  },
]);

/** A prod bucket in EU encrypted with a key the stack shares, in Cloud KMS's `europe`. */
const sharedKeyBucket =
  (k: EncryptionKeyArgs = {}, o: BucketArgs = {}) =>
  (): void => {
    const key_ = new EncryptionKey("shared", { environment: "prod", location: "europe", ...k });
    new Bucket("files", { environment: "prod", location: "EU", encryptionKey: key_, ...o });
  };

day2Suite("gcp.Bucket (prod, shared key)", sharedKeyBucket(), [
  {
    // Issue 20: the key's window used to replace the key, and with it what it encrypts.
    change: "the shared key's deletionWindowDays 30 → 60: neither key nor bucket is replaced",
    after: sharedKeyBucket({ deletionWindowDays: 60 }),
  },
  { change: "softDeleteDays 7 → 90", after: sharedKeyBucket({}, { softDeleteDays: 90 }) },
]);

// ---------------------------------------------------------------------------------------------------------
// Network

const network =
  (o: NetworkArgs = {}) =>
  (): void =>
    void new Network("core", {
      region: "europe-west1",
      cidrBlock: "10.40.0.0/20",
      privateServices: true,
      ...o,
    });

day2Suite("gcp.Network", network(), [
  // Issue 20: the weakening used to be written into the VPC's description, which is ForceNew.
  { change: "flowLogs off (a recorded weakening): nothing is replaced", after: network({ flowLogs: false }) },
  { change: "flowLogs back on", before: network({ flowLogs: false }), after: network() },
  {
    change: "nat off",
    after: network({ nat: false }),
    replaces: {
      "core-nat": "the user turned Cloud NAT off: the private subnet loses internet egress, as asked",
    },
  },
  { change: "nat on", before: network({ nat: false }), after: network() },
  { change: "allowInternal off", after: network({ allowInternal: false }) },
  { change: "healthCheckPorts added", after: network({ healthCheckPorts: [8080] }) },
  {
    change: "healthCheckPorts 8080 → 8080, 9090",
    before: network({ healthCheckPorts: [8080] }),
    after: network({ healthCheckPorts: [8080, 9090] }),
  },
  {
    change: "privateServices on (range and connection added)",
    before: network({ privateServices: false }),
    after: network(),
  },
  {
    change: "privateServices off",
    after: network({ privateServices: false }),
    replaces: {
      "core-services-range":
        "the user turned private services off; Service Networking refuses to drop a range an instance still uses",
      "core-services": "the peering goes with the range",
    },
  },
  {
    change: "cidrBlock 10.40.0.0/20 → 10.40.0.0/16",
    after: network({ cidrBlock: "10.40.0.0/16" }),
    replaces: {
      "core-isolated":
        "a subnet's range only grows in place: the isolated subnet's new range does not contain the old one (documented on `cidrBlock`)",
      "core-private":
        "the provider grows this one in place (10.40.0.0/17 contains 10.40.0.0/21), but the facts cannot tell an expansion from a move and read any range change as a replacement, the cautious reading",
    },
  },
  {
    change: "region europe-west1 → europe-west4",
    after: network({ region: "europe-west4" }),
    replaces: {
      "core-private": "subnets are regional: the user asked for another region",
      "core-isolated": "subnets are regional: the user asked for another region",
      "core-nat": "Cloud NAT is regional: a new one in the new region (new egress addresses)",
    },
  },
]);

// ---------------------------------------------------------------------------------------------------------
// PostgresDatabase

const database =
  (o: Partial<PostgresDatabaseArgs> = {}) =>
  (): void =>
    void new PostgresDatabase("app", { network: NETWORK_ID, region: "europe-west1", ...o });

day2Suite("gcp.PostgresDatabase (dev)", database(), [
  {
    change: "tier db-custom-1-3840 → db-custom-2-7680 (scale up)",
    after: database({ tier: "db-custom-2-7680" }),
  },
  {
    change: "tier db-custom-2-7680 → db-custom-1-3840 (scale down)",
    before: database({ tier: "db-custom-2-7680" }),
    after: database(),
  },
  // Issue 20: the disk is sized at creation; Cloud SQL grows it, and a smaller number is not a shrink.
  {
    change: "diskSizeGb 20 → 50 (ignored: the disk grows by itself)",
    after: database({ diskSizeGb: 50, maxDiskSizeGb: 100 }),
  },
  { change: "maxDiskSizeGb 50 → 500", after: database({ maxDiskSizeGb: 500 }) },
  { change: "backupRetentionDays 7 → 14", after: database({ backupRetentionDays: 14 }) },
  { change: "multiAz on", after: database({ multiAz: true }) },
  { change: "deletionProtection on", after: database({ deletionProtection: true }) },
  {
    change: "sslMode → TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
    after: database({ sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" }),
  },
  { change: "engineVersion 16 → 17 (an in-place major upgrade)", after: database({ engineVersion: "17" }) },
  { change: "labels added", after: database({ labels: { team: "orders" } }) },
  {
    change: "profile dev → staging (tier, disk ceiling, HA, backups, protection)",
    after: database({ environment: "staging" }),
  },
  {
    change: "profile staging → prod (tier, backups, protect)",
    before: database({ environment: "staging" }),
    after: database({ environment: "prod" }),
  },
  {
    change: "staging: multiAz and deletionProtection off (recorded weakenings)",
    before: database({ environment: "staging" }),
    after: database({ environment: "staging", multiAz: false, deletionProtection: false }),
  },
  {
    change: "databaseName app → orders",
    after: database({ databaseName: "orders" }),
    replaces: {
      "app-db":
        "another name is another database; the old one stays in the instance (deletionPolicy ABANDON)",
    },
  },
  {
    change: "region europe-west1 → europe-west4",
    after: database({ region: "europe-west4" }),
    replaces: {
      "app-instance": "an instance cannot move: the user asked for another region (restore a backup there)",
      "app-key-ring": "the key follows the instance's region",
      "app-key-cmk": "a key lives in its ring",
      "app-db": "the database lives in the instance",
    },
  },
]);

/** A prod database encrypted with a key the stack shares (as the reference stacks do). */
const sharedKeyDatabase =
  (k: EncryptionKeyArgs = {}, o: Partial<PostgresDatabaseArgs> = {}) =>
  (): void => {
    const key_ = new EncryptionKey("platform", { environment: "prod", location: "europe-west1", ...k });
    new PostgresDatabase("app", {
      environment: "prod",
      network: NETWORK_ID,
      region: "europe-west1",
      encryptionKey: key_,
      ...o,
    });
  };

day2Suite("gcp.PostgresDatabase (prod, shared key)", sharedKeyDatabase(), [
  {
    // Issue 20: this replaced the key and, through encryptionKeyName (ForceNew), the instance.
    change: "the key's deletionWindowDays 30 → 60: neither the key nor the instance is replaced",
    after: sharedKeyDatabase({ deletionWindowDays: 60 }),
  },
  { change: "tier up in prod", after: sharedKeyDatabase({}, { tier: "db-custom-8-32768" }) },
]);

// ---------------------------------------------------------------------------------------------------------
// ContainerService

const service =
  (o: Partial<ContainerServiceArgs> = {}) =>
  (): void =>
    void new ContainerService("api", { network: SUBNET, region: "europe-west1", image: IMAGE, ...o });

day2Suite("gcp.ContainerService (dev)", service(), [
  {
    change: "image 1.8.3 → 1.9.0 (a new revision)",
    after: service({ image: "europe-docker.pkg.dev/acme/apps/api:1.9.0" }),
  },
  { change: "cpu 1 → 2, memory 512Mi → 2Gi", after: service({ cpu: "2", memory: "2Gi" }) },
  {
    change: "minCapacity 1 → 3, maxCapacity 2 → 10 (scale up)",
    after: service({ minCapacity: 3, maxCapacity: 10 }),
  },
  { change: "minCapacity 1 → 0 (scale to zero, a recorded weakening)", after: service({ minCapacity: 0 }) },
  {
    change: "environment variables changed",
    after: service({ environmentVariables: { LOG_LEVEL: "debug" } }),
  },
  {
    change: "a secret added (its read grant too)",
    after: service({ secrets: { TOKEN: "projects/p/secrets/token" } }),
  },
  { change: "vpcEgress → ALL_TRAFFIC", after: service({ vpcEgress: "ALL_TRAFFIC" }) },
  { change: "publicAccess on (ingress and an allUsers invoker)", after: service({ publicAccess: true }) },
  { change: "publicAccess off again", before: service({ publicAccess: true }), after: service() },
  { change: "containerPort 8080 → 9000", after: service({ containerPort: 9000 }) },
  { change: "labels added", after: service({ labels: { team: "api" } }) },
  {
    change: "profile dev → prod (size, instances, deletion protection)",
    after: service({ environment: "prod" }),
  },
  {
    change: "region europe-west1 → europe-west4",
    after: service({
      region: "europe-west4",
      network: { ...SUBNET, subnetId: "projects/p/regions/europe-west4/subnetworks/s" },
    }),
    replaces: {
      "api-service": "a service cannot move: the user asked for another region (a new URL)",
      "api-key-ring": "the key follows the service's region",
      "api-key-cmk": "a key lives in its ring",
    },
  },
]);

// ---------------------------------------------------------------------------------------------------------
// KubernetesCluster: none of these may replace the cluster. The node pool is replaced only where the
// provider forces it (nodeConfig.serviceAccount, bootDiskKmsKey, oauthScopes, shieldedInstanceConfig and
// metadata are ForceNew on google_container_node_pool); its auto-generated name lets the new pool come up
// before the old one goes. None of the cases below changes those.

const RANGES = { pods: "10.100.0.0/14", services: "10.104.0.0/20" };

const cluster =
  (o: Partial<KubernetesClusterArgs> = {}, environment: "dev" | "prod" = "dev") =>
  (): void => {
    const key_ = new EncryptionKey("platform", { environment, location: "europe-west1" });
    const net = new Network("core", { region: "europe-west1", kubernetesRanges: RANGES });
    new KubernetesCluster("apps", { environment, network: net, encryptionKey: key_, ...o });
  };

day2Suite("gcp.KubernetesCluster (dev)", cluster(), [
  { change: "version 1.35 → 1.36 (a control-plane upgrade in place)", after: cluster({ version: "1.36" }) },
  { change: "releaseChannel REGULAR → STABLE", after: cluster({ releaseChannel: "STABLE" }) },
  {
    change: "node machine type e2-standard-2 → e2-standard-8 (nodes re-created in place by surge upgrade)",
    after: cluster({ nodes: { machineType: "e2-standard-8" } }),
  },
  { change: "nodes per zone 1-2 → 2-6", after: cluster({ nodes: { min: 2, max: 6 } }) },
  { change: "node boot disk 50 → 100 GB", after: cluster({ nodes: { diskSizeGb: 100 } }) },
  { change: "zones 2 → 3 (a zone added to the node pool)", after: cluster({ zones: 3 }) },
  {
    change: "authorizedNetworks on (the public endpoint, a recorded weakening)",
    after: cluster({ authorizedNetworks: ["203.0.113.0/24"] }),
  },
  {
    change: "authorizedNetworks off again (private endpoint)",
    before: cluster({ authorizedNetworks: ["203.0.113.0/24"] }),
    after: cluster(),
  },
  { change: "labels added", after: cluster({ labels: { team: "platform" } }) },
  { change: "deletionProtection on", after: cluster({ deletionProtection: true }) },
  { change: "profile dev → prod (channel, zones, sizes, protection)", after: cluster({}, "prod") },
]);

day2Suite("gcp.KubernetesCluster (prod)", cluster({}, "prod"), [
  { change: "version 1.34 → 1.35", before: cluster({ version: "1.34" }, "prod"), after: cluster({}, "prod") },
  {
    change: "node machine type → n2-standard-8",
    after: cluster({ nodes: { machineType: "n2-standard-8" } }, "prod"),
  },
  {
    change: "deletionProtection off (a recorded weakening)",
    after: cluster({ deletionProtection: false }, "prod"),
  },
  { change: "labels added", after: cluster({ labels: { "cost-center": "platform" } }, "prod") },
]);

/** A cluster on ids from another stack, with its key given as an id. */
const clusterOnIds = (keyId: string) => (): void =>
  void new KubernetesCluster("apps", {
    network: {
      networkId: NETWORK_ID,
      subnetId: SUBNET.subnetId,
      podsRangeName: "pods",
      servicesRangeName: "services",
    },
    region: "europe-west1",
    encryptionKey: keyId,
  });
const KEY_A = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/a";

day2Suite("gcp.KubernetesCluster (a key id)", clusterOnIds(KEY_A), [
  {
    // Where the provider replaces the node pool: bootDiskKmsKey is ForceNew on google_container_node_pool.
    change: "encryptionKey → another key: Secrets re-encrypted in place, the node pool replaced",
    after: clusterOnIds("projects/p/locations/europe-west1/keyRings/r/cryptoKeys/b"),
    replaces: {
      "apps-nodes":
        "nodeConfig.bootDiskKmsKey is ForceNew: the provider makes a new pool (auto-named, so it comes up before the old one drains)",
    },
  },
]);

day2Suite("gcp.Network (kubernetesRanges)", network(), [
  {
    change: "kubernetesRanges added to an existing network: the private subnet is updated in place",
    after: network({ kubernetesRanges: RANGES }),
  },
]);

// ---------------------------------------------------------------------------------------------------------
// ProjectApis

const apis = (list: string[]) => (): void => void new ProjectApis("platform-apis", { apis: list });

day2Suite("gcp.ProjectApis", apis(["compute.googleapis.com"]), [
  { change: "an API added", after: apis(["compute.googleapis.com", "run.googleapis.com"]) },
  // Removing one only forgets it (disableOnDestroy: false): a resource of type none, nothing to name.
  {
    change: "an API removed",
    before: apis(["compute.googleapis.com", "run.googleapis.com"]),
    after: apis(["compute.googleapis.com"]),
  },
] satisfies Day2Case[]);
