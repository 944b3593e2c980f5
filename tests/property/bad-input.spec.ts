// Property test of strict arguments: for every AWS and Kubernetes component, seeded random bad input
// (a wrong type in one field, an unknown key, a bad component name, args that are not an object, and
// for WebService a bad container) is refused with a GroundworkInputError before anything registers.
import * as assert from "assert";
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
import { GroundworkInputError } from "../../components/core";
import { STACK_TYPE, synth } from "../../testing";
import { SERVICE_ARGS } from "../aws/helpers";

/** How a field is typed, which decides the values that are wrong for it. */
type Kind = "boolean" | "number" | "string" | "list" | "map" | "enum" | "key" | "containers";

/** Values of the wrong type for each kind; every one must be refused wherever the kind appears. */
const WRONG: Record<Kind, readonly unknown[]> = {
  boolean: [0, 1, "true", "false", [], {}, [true]],
  number: ["8080", "1", "30", true, [], {}, [1], NaN, 1.5],
  string: [42, 0, true, [], {}, ["x"], { a: "b" }],
  list: ["subnet-0abc", "a,b", 42, true, {}, [42], [{}], [true]],
  map: ["k=v", 42, true, [], ["a"], { k: 42 }, { k: true }, { k: {} }],
  enum: [42, true, [], {}, "nope", "DEV"],
  key: [42, true, {}, [], ["arn:aws:kms:us-east-1:123456789012:key/abc"]],
  containers: ["nginx:1.27.0", 42, {}, [], [42], [{}], [{ name: "web" }], [null]],
};

/** Characters no physical name derived from a component name allows. */
const NAME_JUNK = [" ", "*", "%", "!", "é", "?"];

/** One component under test: its constructor, valid base arguments and the kind of each argument. */
interface Subject<A> {
  readonly name: string;
  readonly build: (name: string, args: unknown) => unknown;
  readonly base: A;
  readonly kinds: { readonly [K in keyof Required<A>]: Kind };
  /** Names this component must refuse beyond the generated ones. */
  readonly badNames: readonly string[];
}

/** Mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Case = { readonly label: string; readonly name: string; readonly args: unknown };

/** A key that is close to a real one (a typo) or unrelated, never a real key. */
function unknownKey(rand: () => number, keys: readonly string[]): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const key = pick(keys);
  const at = Math.floor(rand() * key.length);
  const typos = [
    key.slice(0, at) + key.slice(at + 1),
    key.slice(0, at) + pick(["x", "e", "_", "s"]) + key.slice(at),
    `${key}s`,
    key.toUpperCase(),
    pick(["cidr", "versioning", "name", "type", "region", "replicas", "__proto"]),
  ];
  const candidate = pick(typos);
  return keys.includes(candidate) || candidate === "" ? `${key}Extra` : candidate;
}

/** `count` seeded bad cases for one component. */
function badCases<A>(s: Subject<A>, seed: number, count: number): Case[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const keys = Object.keys(s.kinds);
  const base = s.base as Record<string, unknown>;
  const makers: ((i: number) => Case)[] = [
    (i) => {
      const field = pick(keys);
      const value = pick(WRONG[s.kinds[field as keyof A]]);
      return {
        label: `${field}: ${String(JSON.stringify(value))}`,
        name: `c${i}`,
        args: { ...base, [field]: value },
      };
    },
    (i) => {
      const key = unknownKey(rand, keys);
      return { label: `unknown key ${key}`, name: `c${i}`, args: { ...base, [key]: pick(["x", 1, true]) } };
    },
    () => {
      const good = pick(["svc", "orders", "web-1"]);
      const at = Math.floor(rand() * (good.length + 1));
      const name = pick([
        good.slice(0, at) + pick(NAME_JUNK) + good.slice(at),
        "a".repeat(224 + Math.floor(rand() * 80)),
        "",
        ...s.badNames,
      ]);
      return { label: `name ${JSON.stringify(name)}`, name, args: base };
    },
    (i) => {
      const args = pick(["args", 42, true, null, [], [base], 0, "{}"]);
      return { label: `args ${JSON.stringify(args)}`, name: `c${i}`, args };
    },
  ];
  return Array.from({ length: count }, (_, i) => pick(makers)(i));
}

/** Runs every case in one synth: each must throw a GroundworkInputError, and nothing may register. */
async function assertAllRefused<A>(s: Subject<A>, cases: readonly Case[]): Promise<void> {
  const wrong: string[] = [];
  const graph = await synth(() => {
    for (const c of cases) {
      try {
        s.build(c.name, c.args);
        wrong.push(`${c.label}: accepted`);
      } catch (err) {
        if (!(err instanceof GroundworkInputError)) wrong.push(`${c.label}: threw ${String(err)}`);
      }
    }
  });
  assert.deepStrictEqual(wrong, [], `${s.name}: cases not refused with a GroundworkInputError`);
  const registered = graph.resources.filter((r) => r.type !== STACK_TYPE).map((r) => `${r.type} ${r.name}`);
  assert.deepStrictEqual(registered, [], `${s.name}: registered before refusing`);
}

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
  } satisfies Subject<EncryptionKeyArgs>,
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
  } satisfies Subject<BucketArgs>,
  {
    name: "aws.Network",
    build: (n, a) => new Network(n, a as NetworkArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", tags: "map", cidrBlock: "string", zones: "number", natGateways: "enum" },
      ...{ flowLogs: "boolean", logRetentionDays: "number", encryptionKey: "key", protect: "boolean" },
    },
    badNames: ["core net", "a".repeat(42)],
  } satisfies Subject<NetworkArgs>,
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
  } satisfies Subject<PostgresDatabaseArgs>,
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
  } satisfies Subject<ContainerServiceArgs>,
  {
    name: "kubernetes.Namespace",
    build: (n, a) => new Namespace(n, a as NamespaceArgs),
    base: {},
    kinds: {
      ...{ environment: "enum", labels: "map", annotations: "map", podSecurityVersion: "string" },
      allowExternalServices: "boolean",
    },
    badNames: ["Payments", "a_b", "default", "kube-apps", "a.b"],
  } satisfies Subject<NamespaceArgs>,
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
  } satisfies Subject<WebServiceArgs>,
] as const;

describe("strict arguments: seeded random bad input, every component", () => {
  for (const [index, subject] of SUBJECTS.entries()) {
    it(`${subject.name}: valid base arguments register (the control)`, async () => {
      const graph = await synth(() => subject.build("svc", subject.base));
      assert.ok(graph.resources.some((r) => r.type !== STACK_TYPE));
    });
    it(`${subject.name}: 200 bad inputs, each a GroundworkInputError, nothing registered`, async () => {
      const s = subject as Subject<unknown>;
      await assertAllRefused(s, badCases(s, 1400 + index, 200));
    });
  }
});
