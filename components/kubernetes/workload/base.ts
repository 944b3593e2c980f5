// What every Groundwork workload on Kubernetes shares (WebService, Worker, CronJob): a checked name and
// namespace, the recommended labels, the hardened pod, its own ServiceAccount with no token unless asked,
// egress by intent, and the record of weakened defaults. Pure resolution: nothing here registers.
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { imageTag } from "../../core/images";
import { validateNameFor } from "../../core/naming";
import { Environment, EnvironmentProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { strictArgs } from "../../core/strict";
import { Validator, knownValue } from "../../core/validate";
import { WEAKENED_ANNOTATION, weakenedAgainstProfile, withWeakenedRecord } from "../../core/weakening";
import { EgressRule, ResolvedEgress, resolveEgress } from "../egress";
import { checkAnnotations, kubernetesLabels } from "../labels";
import { KUBERNETES_LABEL_NAME, checkNamespaceName } from "../naming";
import { ContainerArgs, InitContainerArgs, PodContext, buildPodSpec } from "../pod";
import { DEFAULT_RUN_AS_ID, runAsId } from "../pod/security";
import { KUBERNETES_SIZES } from "../sizes";

/** The arguments every workload takes. */
export interface WorkloadArgs {
  /**
   * Namespace to deploy into, typically `namespace.namespaceName` of a Groundwork `Namespace`. `default`
   * and the `kube-*` namespaces are refused (an Output when it resolves).
   */
  readonly namespace: pulumi.Input<string>;
  /** Environment profile: replicas, disruption budget, autoscaling bounds and container sizes. @default "dev" */
  readonly environment?: Environment;
  /** Extra labels on every object and on the pods; may not change a Groundwork label. @default none */
  readonly labels?: Tags;
  /** Extra annotations on every object and on the pods. @default none */
  readonly annotations?: { readonly [key: string]: string };
  /** Containers run to completion before the pod starts, hardened the same way. @default none */
  readonly initContainers?: readonly InitContainerArgs[];
  /** Pod UID, at least 10000. @default 10001 */
  readonly runAsUser?: number;
  /** Pod GID (also `fsGroup`, so mounted files are readable), at least 10000. @default 10001 */
  readonly runAsGroup?: number;
  /**
   * Mount the ServiceAccount token into the pods. Only workloads that call the Kubernetes API need it.
   * `true` is a weakened default, recorded in the `groundwork.dev/weakened` annotation and the `weakened`
   * output.
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * What the pods may reach beyond DNS, each entry one NetworkPolicy egress rule: another workload (which
   * admits these pods in turn), a Namespace, a component's private endpoint (a `PostgresDatabase`), an
   * address range, the public internet, or the metadata service. The namespace's default deny stays.
   * @default none: the pods reach DNS only
   */
  readonly egress?: readonly EgressRule[];
}

/** The keys of {@link WorkloadArgs}, for each workload's key list. */
export const WORKLOAD_ARG_KEYS = [
  ...(["namespace", "environment", "labels", "annotations", "initContainers", "runAsUser"] as const),
  ...(["runAsGroup", "automountServiceAccountToken", "egress"] as const),
];

/** Everything a workload's constructor wires from the shared arguments, decided. */
export interface ResolvedWorkload {
  readonly name: string;
  /** The checked namespace; an Output is checked when it resolves. */
  readonly namespace: pulumi.Input<string>;
  /** Labels on every object and on the pods. */
  readonly labels: Tags;
  /** Labels selecting the pods (`app.kubernetes.io/name` and `app.kubernetes.io/instance`). */
  readonly selector: Tags;
  /** Annotations on every object: the caller's, plus the weakened record when anything is weakened. */
  readonly annotations: Tags;
  /** Annotations on the pod template: the caller's only (a change there would roll every pod). */
  readonly podAnnotations: Tags;
  /** The pod spec; the constructor points `serviceAccountName` at the ServiceAccount it creates. */
  readonly podSpec: k8s.core.v1.PodSpec;
  /** The main container's port, when it has one. */
  readonly mainPort: number | undefined;
  readonly automountServiceAccountToken: boolean;
  readonly egress: ResolvedEgress;
  /** Weakened defaults by argument name, sorted; empty at defaults. */
  readonly weakened: readonly string[];
}

/** The namespace to deploy into: checked now when known, on resolution when an Output. */
function resolveNamespace(v: Validator, namespace: pulumi.Input<string>): pulumi.Input<string> {
  v.required("namespace", namespace, "the name of the namespace to deploy into");
  const check = (ns: string): string => checkNamespaceName(v, "namespace", ns, "deploy");
  const known = knownValue(namespace);
  // An Output is checked when it resolves, and every object takes the checked value, so none of them
  // can be created in `default` or `kube-*` whichever way the name arrives.
  return known !== undefined ? check(known) : pulumi.output(namespace).apply(check);
}

const DNS_LABEL =
  "a DNS-1123 label: 1-63 lowercase letters, digits and hyphens, starting and ending alphanumeric";

/** Checks the component's own name (a DNS-1123 label starting with a letter) and its argument keys. */
function checkWorkloadName<A extends object>(
  v: Validator,
  args: A,
  keys: readonly string[],
  what: string,
): string {
  const name = v.resourceName;
  validateNameFor(v, "name", KUBERNETES_LABEL_NAME, name);
  if (!/^[a-z]/.test(name))
    v.fail("name", name, "does not start with a letter", `${DNS_LABEL}, starting with a letter (${what})`);
  strictArgs(v, args, keys);
  return name;
}

/** What a workload says about itself to {@link resolveWorkload}. */
export interface WorkloadKind {
  /** The user-facing type (`kubernetes.Worker`), for labels. */
  readonly component: string;
  /** What the pod is for (see {@link PodContext.kind}). */
  readonly pod: NonNullable<PodContext["kind"]>;
  /** Every argument key the workload accepts. */
  readonly keys: readonly string[];
  /** Why the name must start with a letter, for the message (`a Service name`). */
  readonly nameRule: string;
}

/**
 * Resolves the shared arguments: name and keys, namespace, labels, the hardened pod, egress, and the
 * shared weakenings (`automountServiceAccountToken`, `egressInternet`, `egressMetadataEndpoint`). The
 * caller adds its own weakenings to `weakened` and recomputes the annotation with {@link withWeakened}.
 */
export function resolveWorkload(
  v: Validator,
  args: WorkloadArgs & { readonly containers: readonly ContainerArgs[] },
  profile: EnvironmentProfile,
  kind: WorkloadKind,
): ResolvedWorkload {
  const name = checkWorkloadName(v, args, kind.keys, kind.nameRule);
  const namespace = resolveNamespace(v, args.namespace);
  const automount = v.boolean("automountServiceAccountToken", args.automountServiceAccountToken, false);
  const runAsUser = runAsId(v, "runAsUser", args.runAsUser, DEFAULT_RUN_AS_ID);
  const runAsGroup = runAsId(v, "runAsGroup", args.runAsGroup, DEFAULT_RUN_AS_ID);
  const mainImage = knownValue(args.containers?.[0]?.image);
  const labels = kubernetesLabels(v, {
    environment: profile.environment,
    component: kind.component,
    name,
    version: typeof mainImage === "string" ? imageTag(mainImage) : undefined,
    labels: args.labels,
  });
  const podAnnotations = checkAnnotations(v, args.annotations);
  const { spec: podSpec, mainPort } = buildPodSpec(v, args.containers, args.initContainers, {
    sizes: KUBERNETES_SIZES[profile.environment].container,
    serviceAccountName: name,
    automountServiceAccountToken: automount,
    runAsUser,
    runAsGroup,
    kind: kind.pod,
  });
  const egress = resolveEgress(v, args.egress);
  const weakened = [...(automount ? ["automountServiceAccountToken"] : []), ...egress.weakened].sort();
  return {
    name,
    namespace,
    labels,
    selector: {
      "app.kubernetes.io/name": labels["app.kubernetes.io/name"],
      "app.kubernetes.io/instance": labels["app.kubernetes.io/instance"],
    },
    annotations: withWeakenedRecord(podAnnotations, WEAKENED_ANNOTATION, weakened),
    podAnnotations,
    podSpec,
    mainPort,
    automountServiceAccountToken: automount,
    egress,
    weakened,
  };
}

/** The record with more weakened defaults: the list sorted and the annotation rewritten. */
export function withWeakened<R extends ResolvedWorkload>(r: R, more: readonly string[]): R {
  const weakened = [...new Set([...r.weakened, ...more])].sort();
  return { ...r, weakened, annotations: withWeakenedRecord(r.podAnnotations, WEAKENED_ANNOTATION, weakened) };
}

/** Metadata every object of a workload carries: named after the component, in the checked namespace. */
export function workloadMetadata(r: ResolvedWorkload): k8s.meta.v1.ObjectMeta {
  return {
    name: r.name,
    namespace: r.namespace,
    labels: r.labels,
    ...(Object.keys(r.annotations).length > 0 ? { annotations: r.annotations } : {}),
  };
}

/** Spread evenly over zones, then over nodes, without blocking scheduling when that is impossible. */
export function topologySpread(selector: Tags): k8s.core.v1.TopologySpreadConstraint[] {
  return ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: "ScheduleAnyway",
    labelSelector: { matchLabels: selector },
  }));
}

/**
 * A Deployment of the hardened pod, running as `serviceAccountName`: rolled one surge pod at a time and
 * never below the replica floor (`maxUnavailable: 0`), spread across zones and nodes. `pod` adds what a
 * workload sets beyond the shared pod spec (a worker's grace period). Shared by WebService and Worker.
 */
export function rollingDeploymentSpec(
  r: ResolvedWorkload & { readonly minReplicas: number },
  serviceAccountName: pulumi.Input<string>,
  pod: Partial<k8s.core.v1.PodSpec> = {},
): k8s.apps.v1.DeploymentSpec {
  return {
    replicas: r.minReplicas,
    selector: { matchLabels: r.selector },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    template: {
      metadata: {
        labels: r.labels,
        ...(Object.keys(r.podAnnotations).length > 0 ? { annotations: r.podAnnotations } : {}),
      },
      spec: {
        ...r.podSpec,
        serviceAccountName,
        ...pod,
        topologySpreadConstraints: topologySpread(r.selector),
      },
    },
  };
}

/**
 * Replica bounds: the profile's, never below the environment's floor (2 where it is highly available).
 * Shared by every scaled workload.
 */
export function resolveReplicas(
  v: Validator,
  args: { readonly minReplicas?: number; readonly maxReplicas?: number },
  profile: EnvironmentProfile,
): [number, number] {
  const minFloor = profile.highAvailability ? 2 : 1;
  // Checked before the range so the message says why, not just "out of range".
  if (typeof args.minReplicas === "number" && args.minReplicas < minFloor) {
    v.fail(
      "minReplicas",
      args.minReplicas,
      `is below the ${profile.environment} floor`,
      `at least ${minFloor}, so a pod can be lost without losing the service`,
    );
  }
  const min = v.integer("minReplicas", args.minReplicas, minFloor, 1000, profile.replicas.min);
  const max = v.integer("maxReplicas", args.maxReplicas, min, 1000, Math.max(profile.replicas.max, min));
  return [min, max];
}

/** `minReplicas` below the profile's, by the argument's name (the profile comparison says `minCapacity`). */
export function weakenedReplicas(profile: EnvironmentProfile, minReplicas: number): string[] {
  return weakenedAgainstProfile(profile, { minCapacity: minReplicas }).map((w) =>
    w === "minCapacity" ? "minReplicas" : w,
  );
}
