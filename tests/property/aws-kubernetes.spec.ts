// Property test of strict arguments, AWS and Kubernetes: for every component, seeded random bad input (a
// wrong value in one field, an unknown key, a bad component name, args that are not an object, and for
// WebService a bad container) is refused with a GroundworkInputError naming the component and the field,
// before anything registers. The generator and the check are in ./kit; Google Cloud and Azure have specs
// of their own beside this one.
import * as aws from "../../components/aws";
import * as kubernetes from "../../components/kubernetes";
import { SERVICE_ARGS } from "../aws/helpers";
import { CommonKind, COMMON_WRONG, Subject, construct, manyTags, outputTests, propertyTests } from "./kit";

/** The AWS and Kubernetes kinds beyond the common ones. */
type Kind =
  | CommonKind
  | "key"
  | "containers"
  | "egress"
  | "metric"
  | "schedule"
  | "tags"
  | "vpcId"
  | "acm"
  | "platform";

/** Wrong values for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  ...COMMON_WRONG,
  // More than AWS's 50 with Groundwork's four (60 on a bucket used to pass), AWS's prefix, a long value.
  tags: [
    ...COMMON_WRONG.map,
    manyTags(47),
    manyTags(60),
    { "aws:owner": "x" },
    { k: "v".repeat(257) },
    { "a*b": "x" },
  ],
  // Ids of the wrong length, case or kind (the fault named, not the form it already has).
  vpcId: [
    ...COMMON_WRONG.string,
    "vpc-123",
    "vpc-0123456789ABCDEF0",
    "subnet-0a1b2c3d",
    "10.0.0.0/16",
    "my-vpc",
  ],
  acm: [
    ...COMMON_WRONG.string,
    "certificate/abc",
    "arn:aws:acm:us-east-1:1234:certificate/abc",
    "arn:aws:iam::123456789012:server-certificate/x",
    "arn:aws:acm::123456789012:certificate/abc",
  ],
  key: [42, true, {}, [], ["arn:aws:kms:us-east-1:123456789012:key/abc"]],
  // Anything but a ContainerPlatform of this program.
  platform: [42, "shared", true, {}, [], { name: "shared" }, { clusterName: "c", listenerArn: "l" }],
  containers: ["nginx:1.27.0", 42, {}, [], [42], [{}], [{ name: "web" }], [null]],
  metric: [
    "queue",
    42,
    [],
    {},
    { name: "q" },
    { name: "q", targetAverageValue: "0" },
    { name: 42, targetAverageValue: "1" },
  ],
  schedule: [42, "", "* * * *", "61 * * * *", "@sometimes", "TZ=UTC 0 * * * *", ["0 * * * *"]],
  // Egress rules that name no destination, two at once, no ports, the whole internet or a metadata address.
  egress: [
    "10.0.0.0/8",
    42,
    {},
    [42],
    [{}],
    [null],
    [{ cidr: "10.0.0.0/8" }],
    [{ cidr: "10.0.0.0/8", ports: [] }],
    [{ cidr: "10.0.0.0/8", ports: [0] }],
    [{ cidr: "10.0.0.0/8", ports: ["5432"] }],
    [{ cidr: "10.0.0.1/8", ports: [5432] }],
    [{ cidr: "10.0.0.0/33", ports: [5432] }],
    [{ cidr: "0.0.0.0/0", ports: [443] }],
    [{ cidr: "169.254.169.254/32", ports: [80] }],
    [{ cidr: "10.0.0.0/8", internet: true, ports: [443] }],
    [{ internet: true }],
    [{ internet: false, ports: [443] }],
    [{ internet: "yes", ports: [443] }],
    [{ metadataEndpoint: true, ports: [80] }],
    [{ to: {} }],
    [{ to: "db.internal" }],
    [{ cidr: "10.0.0.0/8", ports: [5432], protocol: "SCTP" }],
    [{ cidr: "10.0.0.0/8", port: 5432 }],
  ],
};

const SUBJECTS = [
  {
    name: "aws.EncryptionKey",
    build: construct(aws.EncryptionKey),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "tags", description: "string", administrators: "list", users: "list" },
      ...{ services: "list", alias: "string", deletionWindowDays: "number", protect: "boolean" },
    },
    badNames: ["a.b", "aws/x"],
    longNames: "fit",
  } satisfies Subject<aws.EncryptionKeyArgs, Kind>,
  {
    name: "aws.Bucket",
    build: construct(aws.Bucket),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "tags", bucketName: "string", encryptionKey: "key" },
      ...{ accessLogBucket: "string", accessLogging: "boolean", noncurrentVersionExpirationDays: "number" },
      ...{ abortIncompleteUploadDays: "number", logRetentionDays: "number", protect: "boolean" },
    },
    badNames: ["a_b", "Core Logs", "-x", "sthree-x"],
    longNames: "fit",
  } satisfies Subject<aws.BucketArgs, Kind>,
  {
    name: "aws.Network",
    build: construct(aws.Network),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "tags", cidrBlock: "string", zones: "number", natGateways: "enum" },
      ...{ flowLogs: "boolean", logRetentionDays: "number", encryptionKey: "key", protect: "boolean" },
      interfaceEndpoints: "list",
    },
    badNames: ["core net", "core*net"],
    longNames: "fit",
  } satisfies Subject<aws.NetworkArgs, Kind>,
  {
    name: "aws.PostgresDatabase",
    build: construct(aws.PostgresDatabase),
    base: { vpcId: SERVICE_ARGS.vpcId, subnetIds: ["subnet-i1", "subnet-i2"] },
    kinds: {
      ...{ environment: "enum", tags: "tags", vpcId: "vpcId", subnetIds: "list" },
      ...{ allowedSecurityGroupIds: "list", engineVersion: "string", instanceClass: "string" },
      ...{ allocatedStorageGiB: "number", maxAllocatedStorageGiB: "number", databaseName: "string" },
      ...{ masterUsername: "string", backupRetentionDays: "number", multiAz: "boolean" },
      ...{
        deletionProtection: "boolean",
        logRetentionDays: "number",
        encryptionKey: "key",
        protect: "boolean",
      },
      ...{ extendedSupport: "boolean", applyImmediately: "boolean" },
    },
    badNames: ["9db", "a--b", "a_b", "Orders API", "sg-db"],
    longNames: "fit",
  } satisfies Subject<aws.PostgresDatabaseArgs, Kind>,
  {
    name: "aws.ContainerService",
    build: construct(aws.ContainerService),
    base: SERVICE_ARGS,
    kinds: {
      ...{
        environment: "enum",
        tags: "tags",
        vpcId: "vpcId",
        subnetIds: "list",
        loadBalancerSubnetIds: "list",
      },
      ...{ image: "string", containerPort: "number", certificateArn: "acm", internetFacing: "boolean" },
      ...{ allowedCidrBlocks: "list", healthCheckPath: "string", cpu: "number", memoryMiB: "number" },
      ...{ minCapacity: "number", maxCapacity: "number", environmentVariables: "map", secrets: "map" },
      ...{ user: "string", readOnlyRootFilesystem: "boolean", logRetentionDays: "number" },
      ...{ encryptionKey: "key", protect: "boolean", secretKeyArns: "list" },
      loadBalancerDeletionProtection: "boolean",
      ...{ platform: "platform", listenerPriority: "number", hostHeaders: "list", pathPatterns: "list" },
    },
    badNames: ["internal-api", "-api", "a_b"],
    longNames: "fit",
  } satisfies Subject<aws.ContainerServiceArgs, Kind>,
  {
    name: "aws.ContainerPlatform",
    build: construct(aws.ContainerPlatform),
    base: { vpcId: SERVICE_ARGS.vpcId, subnetIds: SERVICE_ARGS.subnetIds },
    kinds: {
      ...{ environment: "enum", tags: "map", vpcId: "string", subnetIds: "list", certificateArn: "string" },
      ...{ internetFacing: "boolean", allowedCidrBlocks: "list", logRetentionDays: "number" },
      ...{ protect: "boolean", loadBalancerDeletionProtection: "boolean" },
    },
    badNames: ["internal-api", "-p", "a_b"],
    longNames: "fit",
  } satisfies Subject<aws.ContainerPlatformArgs, Kind>,
  {
    name: "kubernetes.Namespace",
    build: construct(kubernetes.Namespace),
    base: {},
    kinds: {
      ...{ environment: "enum", labels: "map", annotations: "map", podSecurityVersion: "string" },
      allowExternalServices: "boolean",
    },
    badNames: ["Payments", "a_b", "default", "kube-apps", "a.b"],
  } satisfies Subject<kubernetes.NamespaceArgs, Kind>,
  {
    name: "kubernetes.WebService",
    build: construct(kubernetes.WebService),
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
      ...{ ingressClassName: "string", ingressControllerNamespace: "string", egress: "egress" },
      ingressCertificateIssuer: "string",
    },
    badNames: ["Web", "9web", "web_1", "a.b"],
  } satisfies Subject<kubernetes.WebServiceArgs, Kind>,
  {
    name: "kubernetes.Worker",
    build: construct(kubernetes.Worker),
    base: { namespace: "apps", containers: [{ name: "worker", image: "nginx:1.27.0", port: 8081 }] },
    kinds: {
      ...{ namespace: "string", environment: "enum", labels: "map", annotations: "map", egress: "egress" },
      ...{
        containers: "containers",
        initContainers: "containers",
        runAsUser: "number",
        runAsGroup: "number",
      },
      ...{ automountServiceAccountToken: "boolean", minReplicas: "number", maxReplicas: "number" },
      ...{
        targetCpuUtilization: "number",
        externalMetric: "metric",
        terminationGracePeriodSeconds: "number",
      },
    },
    badNames: ["Worker", "9w", "w_1", "a.b"],
  } satisfies Subject<kubernetes.WorkerArgs, Kind>,
  {
    name: "kubernetes.CronJob",
    build: construct(kubernetes.CronJob),
    base: { namespace: "apps", schedule: "@daily", containers: [{ name: "run", image: "nginx:1.27.0" }] },
    kinds: {
      ...{ namespace: "string", environment: "enum", labels: "map", annotations: "map", egress: "egress" },
      ...{
        containers: "containers",
        initContainers: "containers",
        runAsUser: "number",
        runAsGroup: "number",
      },
      ...{ automountServiceAccountToken: "boolean", schedule: "schedule", timeZone: "string" },
      ...{ concurrencyPolicy: "enum", activeDeadlineSeconds: "number", backoffLimit: "number" },
      ...{ startingDeadlineSeconds: "number", restartPolicy: "enum", suspend: "boolean" },
    },
    badNames: ["Job", "9j", "j_1", "a.b", "j".repeat(53)],
  } satisfies Subject<kubernetes.CronJobArgs, Kind>,
] as const;

describe("strict arguments: seeded random bad input, every AWS and Kubernetes component", () => {
  propertyTests(WRONG, SUBJECTS, { seed: 1400, count: 200 });
});

describe("inputs as programs produce them: Output-valued bad input, the AWS components of issue 23", () => {
  const outputs = SUBJECTS.filter((s) => s.name.startsWith("aws."));
  outputTests(WRONG, outputs, { seed: 2300, count: 40 });
});
