// Shared helpers for the Kubernetes specs: synthesize a program, read Kubernetes objects back out of the
// graph in plain form, validate them against the official OpenAPI schema (kubernetes-models), and walk
// every container of a pod template.
import * as assert from "assert";
import * as path from "path";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import {
  GraphQuery,
  GraphResource,
  ResourceGraph,
  STACK_TYPE,
  containsUnknown,
  reveal,
  synth,
} from "../../testing";
import { GroundworkInputError } from "../../components/core";

/** Type tokens of every Kubernetes object the components create. */
export const T = {
  namespace: "kubernetes:core/v1:Namespace",
  quota: "kubernetes:core/v1:ResourceQuota",
  limitRange: "kubernetes:core/v1:LimitRange",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  service: "kubernetes:core/v1:Service",
  deployment: "kubernetes:apps/v1:Deployment",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  ingress: "kubernetes:networking.k8s.io/v1:Ingress",
  cronJob: "kubernetes:batch/v1:CronJob",
  provider: "pulumi:providers:kubernetes",
} as const;

/** The children a Namespace named `name` creates, as `type::name` (the URN-relevant part), in creation order. */
export function namespaceChildren(name: string): string[] {
  return [
    `${T.namespace}::${name}-namespace`,
    `${T.networkPolicy}::${name}-default-deny`,
    `${T.quota}::${name}-quota`,
    `${T.limitRange}::${name}-limits`,
  ];
}

/** The children a WebService named `name` creates without an Ingress, as `type::name`, in creation order. */
export function webServiceChildren(name: string): string[] {
  return [
    `${T.serviceAccount}::${name}-service-account`,
    `${T.deployment}::${name}-deployment`,
    `${T.service}::${name}-service`,
    `${T.pdb}::${name}-pdb`,
    `${T.hpa}::${name}-hpa`,
    `${T.networkPolicy}::${name}-network-policy`,
  ];
}

/** A Kubernetes object as the API server would receive it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  [key: string]: unknown;
}

/** The object a Kubernetes resource of the graph registered: its inputs, secrets revealed. */
export function kube(r: GraphResource): KubeObject {
  return reveal<KubeObject>(r.inputs);
}

type Validatable = { validate(): void };
const MODELS: Record<string, (o: KubeObject) => Validatable> = {
  "v1/Namespace": (o) => new Namespace(o as never),
  "v1/ResourceQuota": (o) => new ResourceQuota(o as never),
  "v1/LimitRange": (o) => new LimitRange(o as never),
  "v1/ServiceAccount": (o) => new ServiceAccount(o as never),
  "v1/Service": (o) => new Service(o as never),
  "apps/v1/Deployment": (o) => new Deployment(o as never),
  "policy/v1/PodDisruptionBudget": (o) => new PodDisruptionBudget(o as never),
  "autoscaling/v2/HorizontalPodAutoscaler": (o) => new HorizontalPodAutoscaler(o as never),
  "networking.k8s.io/v1/NetworkPolicy": (o) => new NetworkPolicy(o as never),
  "networking.k8s.io/v1/Ingress": (o) => new Ingress(o as never),
  "batch/v1/CronJob": (o) => new CronJob(o as never),
};

/** The generated schema validator of each kind (kubernetes-models ships no JSON schema, only these). */
const SCHEMAS: Record<string, string> = {
  "v1/Namespace": "IoK8sApiCoreV1Namespace",
  "v1/ResourceQuota": "IoK8sApiCoreV1ResourceQuota",
  "v1/LimitRange": "IoK8sApiCoreV1LimitRange",
  "v1/ServiceAccount": "IoK8sApiCoreV1ServiceAccount",
  "v1/Service": "IoK8sApiCoreV1Service",
  "apps/v1/Deployment": "IoK8sApiAppsV1Deployment",
  "policy/v1/PodDisruptionBudget": "IoK8sApiPolicyV1PodDisruptionBudget",
  "autoscaling/v2/HorizontalPodAutoscaler": "IoK8sApiAutoscalingV2HorizontalPodAutoscaler",
  "networking.k8s.io/v1/NetworkPolicy": "IoK8sApiNetworkingV1NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "IoK8sApiNetworkingV1Ingress",
  "batch/v1/CronJob": "IoK8sApiBatchV1CronJob",
};
type ValidateFunc = (data: unknown) => boolean;
const MODELS_DIR = path.dirname(require.resolve("kubernetes-models/package.json"));

function schemaValidator(key: string): ValidateFunc {
  // _schemas is not in the package's exports map, hence the file path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(MODELS_DIR, "_schemas", `${SCHEMAS[key]}.js`)) as { validate: ValidateFunc })
    .validate;
}

/**
 * The paths of fields the schema does not define. The Kubernetes OpenAPI schema leaves
 * `additionalProperties` open, so the generated validators pass unknown fields (a misspelled
 * `readOnlyRootFileSystem` would sail through, and the API server would drop it). The validators read
 * exactly the properties the schema defines (and every key of a map), so running one over a proxy that
 * records reads finds every key the schema never looked at.
 */
function unknownFields(validate: ValidateFunc, data: unknown): string[] {
  const read = new Map<object, Set<string | symbol>>();
  const wrap = (x: unknown): unknown => {
    if (typeof x !== "object" || x === null) return x;
    const keys = new Set<string | symbol>();
    read.set(x, keys);
    return new Proxy(x, {
      get(target, key, receiver) {
        keys.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
    });
  };
  // Called after the model's own validate() passed, so the result is true; only the reads matter.
  validate(wrap(data));
  const unknown: string[] = [];
  const walk = (x: unknown, at: string): void => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach((e, i) => walk(e, `${at}[${i}]`));
    const keys = read.get(x) ?? new Set();
    for (const [k, value] of Object.entries(x)) {
      const here = at === "" ? k : `${at}.${k}`;
      if (keys.has(k)) walk(value, here);
      else unknown.push(here);
    }
  };
  walk(data, "");
  return unknown;
}

/**
 * Validates a Kubernetes object against the official OpenAPI schema (as generated into kubernetes-models),
 * and also refuses fields the schema does not define. Throws for a kind the map does not know, so a new
 * child cannot slip past unvalidated.
 */
export function validateKube(o: KubeObject): void {
  const key = `${o.apiVersion}/${o.kind}`;
  const make = MODELS[key];
  if (!make || !SCHEMAS[key]) throw new Error(`no schema model for ${o.apiVersion} ${o.kind}`);
  // Pulumi-only fields never reach the API server; the SDK registers none for these kinds today, but a
  // `__`-prefixed key would be one. The JSON round trip drops undefined fields, as serialization would.
  const plain = JSON.parse(
    JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith("__")))),
  ) as KubeObject;
  make(plain).validate();
  const unknown = unknownFields(schemaValidator(key), plain);
  if (unknown.length > 0) {
    throw new Error(`${o.apiVersion} ${o.kind} has fields the schema does not define: ${unknown.join(", ")}`);
  }
}

/**
 * Runs a program whose input error only surfaces when an Output resolves (inside an apply), and returns
 * the messages the SDK reported. The offline engine then waits for a registration that never completes,
 * so synth itself times out and the error is caught as the SDK reports it (an unhandled rejection).
 */
export async function synthRejectedLater(build: () => void): Promise<string[]> {
  const seen: string[] = [];
  const listener = (err: unknown): void => void seen.push(err instanceof Error ? err.message : String(err));
  process.on("unhandledRejection", listener);
  try {
    await assert.rejects(synth(build, { timeoutMs: 3000 }));
  } finally {
    process.off("unhandledRejection", listener);
  }
  return seen;
}

/** Every Kubernetes object (custom resource other than the provider) in the graph. */
export function kubeResources(graph: ResourceGraph): GraphResource[] {
  return graph.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
}

/** A container of a pod template with the role it plays. */
export interface RoledContainer {
  readonly role: "main" | "sidecar" | "init";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly c: any;
}

/** Every container of a Deployment's pod template, init containers included. */
export function containersOf(d: KubeObject): RoledContainer[] {
  const spec = d.spec.template.spec;
  return [
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ...(spec.containers ?? []).map((c: any, i: number) => ({ role: i === 0 ? "main" : "sidecar", c })),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ...(spec.initContainers ?? []).map((c: any) => ({ role: "init", c })),
  ];
}

/** Runs a program expected to throw an input error, and returns the error and the graph. */
export async function synthRejected(
  build: () => void,
): Promise<{ error: GroundworkInputError; graph: ResourceGraph }> {
  let caught: unknown;
  const graph = await synth(() => {
    try {
      build();
    } catch (err) {
      caught = err;
    }
  });
  assert.ok(caught !== undefined, "expected the component to reject its input");
  assert.ok(caught instanceof GroundworkInputError, `expected a GroundworkInputError, got ${String(caught)}`);
  return { error: caught, graph };
}

/** Asserts that only the stack was registered (no component, no child). */
export function assertOnlyStack(graph: ResourceGraph): void {
  assert.deepStrictEqual(
    graph.resources.map((r) => r.type),
    [STACK_TYPE],
    `expected nothing but the stack, got ${new GraphQuery(graph).inventory().join(", ")}`,
  );
}

/** Asserts that no input of any Kubernetes object is unknown (the object is fully known at preview). */
export function assertFullyKnown(graph: ResourceGraph): void {
  for (const r of kubeResources(graph)) {
    assert.ok(!containsUnknown(r.inputs), `${r.type} ${r.name} has unknown inputs`);
  }
}
