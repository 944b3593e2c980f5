// Property test of strict arguments, AWS and Kubernetes: for every component, seeded random bad input (a
// wrong value in one field, an unknown key, a bad component name, args that are not an object, and for
// WebService a bad container) is refused with a GroundworkInputError naming the component and the field,
// before anything registers. The generator and the check are in ./kit; Google Cloud and Azure have specs
// of their own beside this one.
import {
  Bucket,
  BucketArgs,
  ContainerService,
  ContainerServiceArgs,
  EncryptionKey,
  EncryptionKeyArgs,
  Network,
  NetworkArgs,
  PostgresDatabase,
  PostgresDatabaseArgs,
} from "../../components/aws";
import { Namespace, NamespaceArgs, WebService, WebServiceArgs } from "../../components/kubernetes";
import { SERVICE_ARGS } from "../aws/helpers";
import { CommonKind, COMMON_WRONG, Subject, propertyTests } from "./kit";

/** The AWS and Kubernetes kinds beyond the common ones. */
type Kind = CommonKind | "key" | "containers";

/** Wrong values for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  ...COMMON_WRONG,
  key: [42, true, {}, [], ["arn:aws:kms:us-east-1:123456789012:key/abc"]],
  containers: ["nginx:1.27.0", 42, {}, [], [42], [{}], [{ name: "web" }], [null]],
};

const SUBJECTS = [
  {
    name: "aws.EncryptionKey",
    build: (n, a) => new EncryptionKey(n, a as EncryptionKeyArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "map", description: "string", administrators: "list", users: "list" },
      ...{ services: "list", alias: "string", deletionWindowDays: "number", protect: "boolean" },
    },
    badNames: ["a.b", "aws/x"],
  } satisfies Subject<EncryptionKeyArgs, Kind>,
  {
    name: "aws.Bucket",
    build: (n, a) => new Bucket(n, a as BucketArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "map", bucketName: "string", encryptionKey: "key" },
      ...{ accessLogBucket: "string", accessLogging: "boolean", noncurrentVersionExpirationDays: "number" },
      ...{ abortIncompleteUploadDays: "number", logRetentionDays: "number", protect: "boolean" },
    },
    badNames: ["a_b", "Core Logs", "-x", "sthree-x"],
  } satisfies Subject<BucketArgs, Kind>,
  {
    name: "aws.Network",
    build: (n, a) => new Network(n, a as NetworkArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "map", cidrBlock: "string", zones: "number", natGateways: "enum" },
      ...{ flowLogs: "boolean", logRetentionDays: "number", encryptionKey: "key", protect: "boolean" },
    },
    badNames: ["core net", "a".repeat(42)],
  } satisfies Subject<NetworkArgs, Kind>,
  {
    name: "aws.PostgresDatabase",
    build: (n, a) => new PostgresDatabase(n, a as PostgresDatabaseArgs),
    base: { vpcId: SERVICE_ARGS.vpcId, subnetIds: ["subnet-i1", "subnet-i2"] },
    kinds: {
      ...{ environment: "enum", tags: "map", vpcId: "string", subnetIds: "list" },
      ...{ allowedSecurityGroupIds: "list", engineVersion: "string", instanceClass: "string" },
      ...{ allocatedStorageGiB: "number", maxAllocatedStorageGiB: "number", databaseName: "string" },
      ...{ masterUsername: "string", backupRetentionDays: "number", multiAz: "boolean" },
      ...{
        deletionProtection: "boolean",
        logRetentionDays: "number",
        encryptionKey: "key",
        protect: "boolean",
      },
    },
    badNames: ["9db", "a--b", "a_b", "Orders API", "sg-db"],
  } satisfies Subject<PostgresDatabaseArgs, Kind>,
  {
    name: "aws.ContainerService",
    build: (n, a) => new ContainerService(n, a as ContainerServiceArgs),
    base: SERVICE_ARGS,
    kinds: {
      ...{
        environment: "enum",
        tags: "map",
        vpcId: "string",
        subnetIds: "list",
        loadBalancerSubnetIds: "list",
      },
      ...{ image: "string", containerPort: "number", certificateArn: "string", internetFacing: "boolean" },
      ...{ allowedCidrBlocks: "list", healthCheckPath: "string", cpu: "number", memoryMiB: "number" },
      ...{ minCapacity: "number", maxCapacity: "number", environmentVariables: "map", secrets: "map" },
      ...{ user: "string", readOnlyRootFilesystem: "boolean", logRetentionDays: "number" },
      ...{ encryptionKey: "key", protect: "boolean", secretKeyArns: "list" },
    },
    badNames: ["internal-api", "orders-api-service-xy", "-api", "a_b"],
  } satisfies Subject<ContainerServiceArgs, Kind>,
  {
    name: "kubernetes.Namespace",
    build: (n, a) => new Namespace(n, a as NamespaceArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", labels: "map", annotations: "map", podSecurityVersion: "string" },
      allowExternalServices: "boolean",
    },
    badNames: ["Payments", "a_b", "default", "kube-apps", "a.b"],
  } satisfies Subject<NamespaceArgs, Kind>,
  {
    name: "kubernetes.WebService",
    build: (n, a) => new WebService(n, a as WebServiceArgs),
    base: { namespace: "apps", containers: [{ name: "web", image: "nginx:1.27.0" }] },
    kinds: {
      ...{ namespace: "string", environment: "enum", labels: "map", annotations: "map" },
      ...{
        containers: "containers",
        initContainers: "containers",
        runAsUser: "number",
        runAsGroup: "number",
      },
      ...{ automountServiceAccountToken: "boolean", servicePort: "number", minReplicas: "number" },
      ...{ maxReplicas: "number", targetCpuUtilization: "number", allowFromNamespaces: "list" },
      ...{ allowFromPods: "list", ingress: "boolean", ingressHost: "string", ingressTlsSecretName: "string" },
      ...{ ingressClassName: "string", ingressControllerNamespace: "string" },
    },
    badNames: ["Web", "9web", "web_1", "a.b"],
  } satisfies Subject<WebServiceArgs, Kind>,
] as const;

describe("strict arguments: seeded random bad input, every AWS and Kubernetes component", () => {
  propertyTests(WRONG, SUBJECTS, { seed: 1400, count: 200 });
});
