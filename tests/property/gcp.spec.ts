// Property test of strict arguments, Google Cloud: for every component, seeded random bad input (a wrong
// value in one field, an unknown key, a bad component name, args that are not an object) is refused with
// a GroundworkInputError naming the component and the field, before anything registers. The kinds below
// add Google Cloud's own shapes: locations, labels, crypto key ids, networks, Secret Manager references.
import * as gcp from "../../components/gcp";
import { CommonKind, COMMON_WRONG, Subject, construct, manyTags, outputTests, propertyTests } from "./kit";

/** The Google Cloud kinds beyond the common ones. */
type Kind =
  | CommonKind
  | "location"
  | "labels"
  | "key"
  | "agents"
  | "ports"
  | "sqlNetwork"
  | "serviceNetwork"
  | "secrets"
  | "ranges"
  | "clusterNetwork"
  | "nodes"
  | "cidrs";

const NETWORK_ID = "projects/acme/global/networks/core";
const SUBNET_ID = "projects/acme/regions/europe-west1/subnetworks/app";

/** A Network as far as validation looks (nothing registers): no private services connection. */
const networkWithoutServices = Object.create(gcp.Network.prototype) as gcp.Network;

/** Wrong values for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  ...COMMON_WRONG,
  // Not an object, a half, public space, inside the default block 10.0.0.0/16, overlapping, too small.
  ranges: [
    42,
    "10.100.0.0/14",
    {},
    { pods: "10.100.0.0/14" },
    { pods: "10.100.0.0/14", services: "8.8.8.0/24" },
    { pods: "10.0.0.0/14", services: "10.200.0.0/20" },
    { pods: "10.100.0.0/14", services: "10.101.0.0/20" },
    { pods: "10.100.0.0/24", services: "10.200.0.0/20" },
    { pods: "10.100.0.0/14", services: "10.200.0.0/20", nodes: "10.1.0.0/16" },
  ],
  clusterNetwork: [
    NETWORK_ID,
    42,
    {},
    { networkId: NETWORK_ID, subnetId: SUBNET_ID },
    { networkId: NETWORK_ID, subnetId: SUBNET_ID, podsRangeName: 42, servicesRangeName: "s" },
    { networkId: NETWORK_ID, subnetId: SUBNET_ID, podsRangeName: "p", servicesrangename: "s" },
    networkWithoutServices,
  ],
  nodes: [
    42,
    "e2-standard-4",
    [],
    { machineType: 42 },
    { min: -1 },
    { max: 0 },
    { min: 3, max: 2 },
    { size: 3 },
  ],
  cidrs: ["10.0.0.0/8", [], ["0.0.0.0/0"], ["10.0.0.0"], [42], ["::/0"], { a: "10.0.0.0/8" }],
  // Not a list, a zone where a region goes, a region misspelt or half written.
  location: [42, true, {}, ["europe-west1"], "us-east1-b", "europe west1", "", "europe-west", "eu/west"],
  // Labels Google Cloud would not take (refused with the form it would, never rewritten), more than 64
  // with Groundwork's four, and values that are not strings.
  labels: [
    ...[{ "Cost Center": "X Y" }, { cost_center: "X Y" }, { "9lives": "x" }, { ["k".repeat(64)]: "v" }],
    ...[{ k: "v".repeat(64) }, manyTags(61), { "Cost Center": "a", cost_center: "b" }],
    ...[{ team: 42 }, { team: ["a"] }, "team=a", [], 42],
  ],
  key: [
    42,
    {},
    ["projects/p/locations/l/keyRings/r/cryptoKeys/k"],
    "arn:aws:kms:us-east-1:123456789012:key/abc",
    "projects/p/locations/l/keyRings/r",
    "projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1",
  ],
  agents: ["storage", ["gcs"], ["STORAGE"], ["kms"], [42], [null], [["sql"]], {}],
  ports: [8080, "8080", ["8080"], [0], [65536], [1.5], [], [NaN], {}],
  sqlNetwork: [
    42,
    {},
    [NETWORK_ID],
    "core",
    "projects/acme/networks/core",
    { networkId: NETWORK_ID },
    networkWithoutServices,
  ],
  serviceNetwork: [
    NETWORK_ID,
    42,
    {},
    [],
    { networkId: NETWORK_ID },
    { networkId: 42, subnetId: true },
    { networkId: NETWORK_ID, subnetId: SUBNET_ID, region: "europe-west1" },
    { networkId: NETWORK_ID, subnetid: SUBNET_ID },
  ],
  secrets: [
    "projects/p/secrets/db",
    [],
    { DB: 42 },
    { DB: null },
    { DB: "projects/p/secrets" },
    { DB: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" },
    { DB: "https://kv.vault.azure.net/secrets/db" },
    { "DB-PASS": "projects/p/secrets/db" },
  ],
};

const SUBJECTS = [
  {
    name: "gcp.EncryptionKey",
    build: construct(gcp.EncryptionKey),
    base: {},
    kinds: {
      ...{ environment: "enum", labels: "labels", location: "location", rotationPeriodDays: "number" },
      ...{ deletionWindowDays: "number", services: "agents", protect: "boolean" },
    },
    badNames: ["a.b", "key/ring"],
    longNames: "fit",
  } satisfies Subject<gcp.EncryptionKeyArgs, Kind>,
  {
    name: "gcp.Bucket",
    build: construct(gcp.Bucket),
    base: {},
    kinds: {
      ...{ environment: "enum", labels: "labels", bucketName: "string", location: "location" },
      ...{ encryptionKey: "key", accessLogBucket: "string", accessLogging: "boolean" },
      ...{ noncurrentVersionExpirationDays: "number", abortIncompleteUploadDays: "number" },
      ...{ softDeleteDays: "number", logRetentionDays: "number", protect: "boolean" },
    },
    badNames: ["Logs", "-logs", "a.b"],
    longNames: "fit",
  } satisfies Subject<gcp.BucketArgs, Kind>,
  {
    name: "gcp.Network",
    build: construct(gcp.Network),
    base: {},
    kinds: {
      ...{ environment: "enum", region: "location", cidrBlock: "string", nat: "boolean" },
      ...{ flowLogs: "boolean", allowInternal: "boolean", healthCheckPorts: "ports" },
      ...{ privateServices: "boolean", kubernetesRanges: "ranges" },
    },
    badNames: ["Core", "core_net"],
    longNames: "fit",
  } satisfies Subject<gcp.NetworkArgs, Kind>,
  {
    name: "gcp.PostgresDatabase",
    build: construct(gcp.PostgresDatabase),
    base: { network: NETWORK_ID },
    kinds: {
      ...{ environment: "enum", labels: "labels", network: "sqlNetwork", region: "location" },
      ...{ encryptionKey: "key", engineVersion: "string", tier: "string", diskSizeGb: "number" },
      ...{ maxDiskSizeGb: "number", databaseName: "string", sslMode: "enum" },
      ...{ backupRetentionDays: "number", multiAz: "boolean", deletionProtection: "boolean" },
      protect: "boolean",
    },
    badNames: ["Orders", "orders_db"],
    longNames: "fit",
  } satisfies Subject<gcp.PostgresDatabaseArgs, Kind>,
  {
    name: "gcp.ContainerService",
    build: construct(gcp.ContainerService),
    base: {
      image: "europe-docker.pkg.dev/acme/apps/web:1.2.3",
      network: { networkId: NETWORK_ID, subnetId: SUBNET_ID },
    },
    kinds: {
      ...{ environment: "enum", labels: "labels", image: "string", network: "serviceNetwork" },
      ...{ vpcEgress: "enum", region: "location", containerPort: "number", publicAccess: "boolean" },
      ...{ cpu: "enum", memory: "string", minCapacity: "number", maxCapacity: "number" },
      ...{ environmentVariables: "env", secrets: "secrets", encryptionKey: "key", protect: "boolean" },
    },
    badNames: ["Web", "web_1"],
    longNames: "fit",
  } satisfies Subject<gcp.ContainerServiceArgs, Kind>,
  {
    name: "gcp.KubernetesCluster",
    build: construct(gcp.KubernetesCluster),
    base: {
      network: {
        networkId: NETWORK_ID,
        subnetId: SUBNET_ID,
        podsRangeName: "pods",
        servicesRangeName: "services",
      },
      encryptionKey: "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/k",
    },
    kinds: {
      ...{ environment: "enum", labels: "labels", network: "clusterNetwork", region: "location" },
      ...{ encryptionKey: "key", version: "enum", releaseChannel: "enum", nodes: "nodes", zones: "number" },
      ...{ authorizedNetworks: "cidrs", deletionProtection: "boolean", protect: "boolean" },
    },
    badNames: ["Apps", "apps_1"],
    longNames: "fit",
  } satisfies Subject<gcp.KubernetesClusterArgs, Kind>,
] as const;

describe("strict arguments: seeded random bad input, every Google Cloud component", () => {
  propertyTests(WRONG, SUBJECTS, { seed: 1500, count: 200 });
});

describe("inputs as programs produce them: Output-valued bad input, the gcp network and container service", () => {
  const outputs = SUBJECTS;
  outputTests(WRONG, outputs, { seed: 2400, count: 40 });
});
