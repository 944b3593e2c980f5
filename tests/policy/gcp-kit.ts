// Compliant raw @pulumi/gcp resources for the Google Cloud rules (issue #11), each meeting every rule of its
// service, so a corpus program or a rule case can change one argument and expect one policy to fire.
import * as artifactregistry from "@pulumi/gcp/artifactregistry";
import * as bigquery from "@pulumi/gcp/bigquery";
import * as cloudfunctionsv2 from "@pulumi/gcp/cloudfunctionsv2";
import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import * as compute from "@pulumi/gcp/compute";
import * as container from "@pulumi/gcp/container";
import * as kms from "@pulumi/gcp/kms";
import * as pubsub from "@pulumi/gcp/pubsub";
import * as serviceaccount from "@pulumi/gcp/serviceaccount";
import * as sql from "@pulumi/gcp/sql";
import * as storage from "@pulumi/gcp/storage";
import type * as gcpInput from "@pulumi/gcp/types/input";
import { TAGS } from "./kit";

/** The standard labels (Google Cloud accepts the same keys and values as the AWS tags). */
export const LABELS = TAGS;
const REGION = "europe-west1";
const NINETY_DAYS = "7776000s";

/** A crypto key in its own key ring, rotating every 90 days. */
export function cryptoKey(name: string, args: Partial<kms.CryptoKeyArgs> = {}): kms.CryptoKey {
  const ring = new kms.KeyRing(`${name}-ring`, { location: REGION });
  return new kms.CryptoKey(name, { keyRing: ring.id, rotationPeriod: NINETY_DAYS, labels: LABELS, ...args });
}

/** A private, versioned, CMEK-encrypted bucket that logs nowhere (a log bucket, or one to give logging). */
export function plainBucket(name: string, args: Partial<storage.BucketArgs> = {}): storage.Bucket {
  return new storage.Bucket(name, {
    location: "EU",
    uniformBucketLevelAccess: true,
    publicAccessPrevention: "enforced",
    versioning: { enabled: true },
    encryption: { defaultKmsKeyName: cryptoKey(`${name}-key`).id },
    labels: LABELS,
    ...args,
  });
}

/** A hardened bucket that logs access to its own hardened log bucket. */
export function bucket(name: string, args: Partial<storage.BucketArgs> = {}): storage.Bucket {
  const logs = plainBucket(`${name}-logs`);
  return plainBucket(name, { logging: { logBucket: logs.name }, ...args });
}

/** A custom-mode network. */
export function network(name: string, args: Partial<compute.NetworkArgs> = {}): compute.Network {
  return new compute.Network(name, { autoCreateSubnetworks: false, ...args });
}

/** A subnet of `net` with flow logs and Private Google Access. */
export function subnetwork(
  name: string,
  net: compute.Network,
  args: Partial<compute.SubnetworkArgs> = {},
): compute.Subnetwork {
  return new compute.Subnetwork(name, {
    network: net.id,
    region: REGION,
    ipCidrRange: "10.10.0.0/20",
    privateIpGoogleAccess: true,
    logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
    ...args,
  });
}

/** A logged ingress rule on `net`: SSH from the internal range only. */
export function firewall(
  name: string,
  net: compute.Network,
  args: Partial<compute.FirewallArgs> = {},
): compute.Firewall {
  return new compute.Firewall(name, {
    network: net.id,
    direction: "INGRESS",
    allows: [{ protocol: "tcp", ports: ["22"] }],
    sourceRanges: ["10.0.0.0/8"],
    logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    ...args,
  });
}

export interface SqlOptions {
  readonly ip?: Partial<gcpInput.sql.DatabaseInstanceSettingsIpConfiguration>;
  readonly backup?: Partial<gcpInput.sql.DatabaseInstanceSettingsBackupConfiguration>;
  readonly settings?: Partial<gcpInput.sql.DatabaseInstanceSettings>;
  readonly args?: Partial<sql.DatabaseInstanceArgs>;
}

/** A PostgreSQL instance on private IP only, TLS-only, backed up with PITR, CMEK, logging connections. */
export function sqlInstance(name: string, o: SqlOptions = {}): sql.DatabaseInstance {
  const net = network(`${name}-net`);
  return new sql.DatabaseInstance(name, {
    databaseVersion: "POSTGRES_16",
    region: REGION,
    encryptionKeyName: cryptoKey(`${name}-key`).id,
    settings: {
      tier: "db-custom-2-7680",
      deletionProtectionEnabled: true,
      ipConfiguration: { ipv4Enabled: false, privateNetwork: net.id, sslMode: "ENCRYPTED_ONLY", ...o.ip },
      backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, ...o.backup },
      databaseFlags: [
        { name: "log_connections", value: "on" },
        { name: "log_disconnections", value: "on" },
      ],
      userLabels: LABELS,
      ...o.settings,
    },
    ...o.args,
  });
}

/** A dedicated service account. */
export function serviceAccount(name: string): serviceaccount.Account {
  return new serviceaccount.Account(name, { accountId: name });
}

/** A Cloud Run service behind a load balancer, running as its own account, under a customer-managed key. */
export function runService(name: string, args: Partial<cloudrunv2.ServiceArgs> = {}): cloudrunv2.Service {
  return new cloudrunv2.Service(name, {
    location: REGION,
    ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
    template: {
      serviceAccount: serviceAccount(`${name}-sa`).email,
      encryptionKey: cryptoKey(`${name}-key`).id,
      containers: [{ image: "europe-docker.pkg.dev/acme/web/web:1.2.3" }],
    },
    labels: LABELS,
    ...args,
  });
}

/** A Shielded VM with no external IP, running as a dedicated service account. */
export function vm(name: string, args: Partial<compute.InstanceArgs> = {}): compute.Instance {
  return new compute.Instance(name, {
    zone: `${REGION}-b`,
    machineType: "e2-small",
    bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } },
    networkInterfaces: [{ subnetwork: "projects/acme/regions/europe-west1/subnetworks/private" }],
    serviceAccount: { email: serviceAccount(`${name}-sa`).email, scopes: ["cloud-platform"] },
    shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
    labels: LABELS,
    ...args,
  });
}

/**
 * A GKE cluster with private nodes and endpoint, RBAC only, Workload Identity, Dataplane V2, CMEK for
 * Secrets, a release channel and Binary Authorization enforced; its default pool removed at creation.
 */
export function gkeCluster(name: string, args: Partial<container.ClusterArgs> = {}): container.Cluster {
  return new container.Cluster(name, {
    location: REGION,
    initialNodeCount: 1,
    removeDefaultNodePool: true,
    releaseChannel: { channel: "REGULAR" },
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    privateClusterConfig: {
      enablePrivateNodes: true,
      enablePrivateEndpoint: true,
      masterIpv4CidrBlock: "172.16.0.0/28",
    },
    workloadIdentityConfig: { workloadPool: "acme.svc.id.goog" },
    datapathProvider: "ADVANCED_DATAPATH",
    databaseEncryption: { state: "ENCRYPTED", keyName: cryptoKey(`${name}-key`).id },
    ...args,
  });
}

/** A hardened node config: its own account, Shielded VM with secure boot, the GKE metadata server. */
export function gkeNodeConfig(name: string): gcpInput.container.NodePoolNodeConfig {
  return {
    serviceAccount: serviceAccount(`${name}-sa`).email,
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    workloadMetadataConfig: { mode: "GKE_METADATA" },
  };
}

/** A node pool of a compliant cluster with hardened nodes (auto-upgrade and auto-repair left on). */
export function gkeNodePool(
  name: string,
  o: {
    readonly nodeConfig?: Partial<gcpInput.container.NodePoolNodeConfig>;
  } & Partial<container.NodePoolArgs> = {},
): container.NodePool {
  const { nodeConfig, ...args } = o;
  return new container.NodePool(name, {
    cluster: gkeCluster(`${name}-cluster`).id,
    location: REGION,
    nodeConfig: { ...gkeNodeConfig(name), ...nodeConfig },
    ...args,
  });
}

/** A BigQuery dataset whose tables default to a customer-managed key. */
export function dataset(name: string, args: Partial<bigquery.DatasetArgs> = {}): bigquery.Dataset {
  return new bigquery.Dataset(name, {
    datasetId: name.replace(/-/g, "_"),
    location: "EU",
    defaultEncryptionConfiguration: { kmsKeyName: cryptoKey(`${name}-key`).id },
    labels: LABELS,
    ...args,
  });
}

/** A Pub/Sub topic under a customer-managed key. */
export function topic(name: string, args: Partial<pubsub.TopicArgs> = {}): pubsub.Topic {
  return new pubsub.Topic(name, { kmsKeyName: cryptoKey(`${name}-key`).id, labels: LABELS, ...args });
}

/** A Docker repository under a customer-managed key. */
export function repository(
  name: string,
  args: Partial<artifactregistry.RepositoryArgs> = {},
): artifactregistry.Repository {
  return new artifactregistry.Repository(name, {
    location: REGION,
    repositoryId: name,
    format: "DOCKER",
    kmsKeyName: cryptoKey(`${name}-key`).id,
    labels: LABELS,
    ...args,
  });
}

/** A persistent disk under a customer-managed key. */
export function disk(name: string, args: Partial<compute.DiskArgs> = {}): compute.Disk {
  return new compute.Disk(name, {
    zone: `${REGION}-b`,
    size: 10,
    diskEncryptionKey: { kmsKeySelfLink: cryptoKey(`${name}-key`).id },
    labels: LABELS,
    ...args,
  });
}

/** A 2nd-gen function reachable only inside the VPC or through a load balancer. */
export function cloudFunction(
  name: string,
  serviceConfig: Partial<gcpInput.cloudfunctionsv2.FunctionServiceConfig> = {},
): cloudfunctionsv2.Function {
  return new cloudfunctionsv2.Function(name, {
    location: REGION,
    buildConfig: {
      runtime: "nodejs20",
      entryPoint: "handler",
      source: { storageSource: { bucket: "src", object: "fn.zip" } },
    },
    serviceConfig: {
      ingressSettings: "ALLOW_INTERNAL_AND_GCLB",
      serviceAccountEmail: serviceAccount(`${name}-sa`).email,
      environmentVariables: { LOG_LEVEL: "info" },
      ...serviceConfig,
    },
    labels: LABELS,
  });
}
