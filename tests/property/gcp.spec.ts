// Property test of strict arguments, Google Cloud: for every component, seeded random bad input (a wrong
// value in one field, an unknown key, a bad component name, args that are not an object) is refused with
// a GroundworkInputError naming the component and the field, before anything registers. The kinds below
// add Google Cloud's own shapes: locations, labels, crypto key ids, networks, Secret Manager references.
import * as gcp from "../../components/gcp";
import { CommonKind, COMMON_WRONG, Subject, construct, outputTests, propertyTests } from "./kit";

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
  | "secrets";

const NETWORK_ID = "projects/acme/global/networks/core";
const SUBNET_ID = "projects/acme/regions/europe-west1/subnetworks/app";

/** A Network as far as validation looks (nothing registers): no private services connection. */
const networkWithoutServices = Object.create(gcp.Network.prototype) as gcp.Network;

/** Wrong values for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  ...COMMON_WRONG,
  // Not a list, a zone where a region goes, a region misspelt or half written.
  location: [42, true, {}, ["europe-west1"], "us-east1-b", "europe west1", "", "europe-west", "eu/west"],
  // Two keys that conform to one label, and values that are not strings.
  labels: [{ "Cost Center": "a", cost_center: "b" }, { team: 42 }, { team: ["a"] }, "team=a", [], 42],
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
    badNames: ["a.b", "key/ring", "a".repeat(51)],
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
    badNames: ["Logs", "-logs", "a.b", "a".repeat(50)],
  } satisfies Subject<gcp.BucketArgs, Kind>,
  {
    name: "gcp.Network",
    build: construct(gcp.Network),
    base: {},
    kinds: {
      ...{ environment: "enum", region: "location", cidrBlock: "string", nat: "boolean" },
      ...{ flowLogs: "boolean", allowInternal: "boolean", healthCheckPorts: "ports" },
      privateServices: "boolean",
    },
    badNames: ["Core", "core_net", "a".repeat(40)],
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
    badNames: ["Orders", "orders_db", "a".repeat(50)],
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
    badNames: ["Web", "web_1", "a".repeat(40)],
  } satisfies Subject<gcp.ContainerServiceArgs, Kind>,
] as const;

describe("strict arguments: seeded random bad input, every Google Cloud component", () => {
  propertyTests(WRONG, SUBJECTS, { seed: 1500, count: 200 });
});

describe("inputs as programs produce them: Output-valued bad input, the gcp network and container service", () => {
  const outputs = SUBJECTS;
  outputTests(WRONG, outputs, { seed: 2400, count: 40 });
});
