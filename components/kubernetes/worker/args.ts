// Worker arguments and their pure resolution: a long-running consumer (a queue worker, a stream
// processor) with the WebService's pod hardening, no Service, replicas and autoscaling from the profile.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { EnvironmentProfile } from "../../core/profiles";
import { argKeys, isPlainObject, strictObject } from "../../core/strict";
import { Validator } from "../../core/validate";
import { kubernetesLabelKeyProblem, kubernetesLabelValueProblem } from "../labels";
import { ContainerArgs, parseQuantity } from "../pod";
import {
  ResolvedWorkload,
  WORKLOAD_ARG_KEYS,
  WorkloadArgs,
  resolveReplicas,
  resolveWorkload,
  weakenedReplicas,
  withWeakened,
} from "../workload/base";

/** An external metric the autoscaler follows (a queue's depth, served by an external metrics adapter). */
export interface ExternalMetricArgs {
  /** The metric's name as the adapter serves it (`sqs_messages_visible`, `pubsub_undelivered_messages`). */
  readonly name: string;
  /** Labels selecting one series of the metric (`{ queue: "orders" }`). @default every series */
  readonly selector?: { readonly [key: string]: string };
  /** The metric value per replica the autoscaler aims for, a Kubernetes quantity (`"30"`, `"500m"`). */
  readonly targetAverageValue: string;
}

/** Arguments of {@link Worker}. Any other key is refused (naming the closest valid one). */
export interface WorkerArgs extends WorkloadArgs {
  /**
   * The pod's containers: the first is the main container, the others are sidecars. Each is probed: give
   * it a `port` for HTTP or TCP probes, or `probe: "exec"` with a readiness and a liveness command.
   */
  readonly containers: readonly ContainerArgs[];
  /**
   * Fewest replicas (and the autoscaler's floor); at least 2 in staging and prod. Below the profile's is a
   * weakened default, recorded in the `groundwork.dev/weakened` annotation and the `weakened` output.
   * @default the profile's (1, 2, 3)
   */
  readonly minReplicas?: number;
  /** Most replicas the autoscaler may scale to. @default the profile's (2, 4, 10) */
  readonly maxReplicas?: number;
  /**
   * Average CPU utilisation (% of request) the autoscaler aims for. Not with `externalMetric`.
   * @default 70, unless `externalMetric` is given
   */
  readonly targetCpuUtilization?: number;
  /** Scale on an external metric (a queue's depth) instead of CPU. @default CPU */
  readonly externalMetric?: ExternalMetricArgs;
  /**
   * How long a pod has to finish its work after it is asked to stop (a scale-in, a rollout, a node drain)
   * before it is killed. A consumer should stop taking new messages on SIGTERM and finish the ones it holds.
   * @default 60
   */
  readonly terminationGracePeriodSeconds?: number;
}

/** The keys of {@link WorkerArgs}, checked against it by the compiler; any other key is refused. */
export const WORKER_ARG_KEYS = argKeys<WorkerArgs>()([
  ...WORKLOAD_ARG_KEYS,
  ...(["containers", "minReplicas", "maxReplicas", "targetCpuUtilization", "externalMetric"] as const),
  "terminationGracePeriodSeconds",
]);

const METRIC_KEYS = argKeys<ExternalMetricArgs>()(["name", "selector", "targetAverageValue"]);

/** Everything the Worker constructor wires, decided. */
export interface ResolvedWorker extends ResolvedWorkload {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** The autoscaler's metrics: CPU utilisation, or the external metric. */
  readonly metrics: k8s.autoscaling.v2.MetricSpec[];
  readonly terminationGracePeriodSeconds: number;
}

/** The external metric, checked: a metric name, a valid label selector and a positive quantity. */
function externalMetricSpec(v: Validator, m: ExternalMetricArgs): k8s.autoscaling.v2.MetricSpec {
  strictObject(v, "externalMetric", m, METRIC_KEYS, "an external metric");
  const name = v.required(
    "externalMetric.name",
    m.name,
    "the metric's name, as the metrics adapter serves it",
  );
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_.:|-]*$/.test(name))
    v.fail(
      "externalMetric.name",
      name,
      "is not a metric name",
      "letters, digits, _ . : | -, not starting with a digit",
    );
  if (m.selector !== undefined && !isPlainObject(m.selector))
    v.fail("externalMetric.selector", m.selector, "is not a map", "label keys mapped to values");
  for (const [key, value] of Object.entries(m.selector ?? {}))
    if (kubernetesLabelKeyProblem(key) || typeof value !== "string" || kubernetesLabelValueProblem(value))
      v.fail(
        `externalMetric.selector.${key}`,
        value,
        "is not a valid label selector entry",
        "a label key and value",
      );
  const target = v.required(
    "externalMetric.targetAverageValue",
    m.targetAverageValue,
    'a Kubernetes quantity such as "30"',
  );
  const quantity = typeof target === "string" ? parseQuantity(target) : undefined;
  if (quantity === undefined || quantity <= 0)
    v.fail(
      "externalMetric.targetAverageValue",
      target,
      "is not a positive quantity",
      'a Kubernetes quantity such as "30" or "500m"',
    );
  return {
    type: "External",
    external: {
      metric: { name, ...(m.selector !== undefined ? { selector: { matchLabels: { ...m.selector } } } : {}) },
      target: { type: "AverageValue", averageValue: target },
    },
  };
}

/** Resolves a Worker's arguments; throws a GroundworkInputError on the first bad value. */
export function resolveWorkerArgs(
  v: Validator,
  args: WorkerArgs,
  profile: EnvironmentProfile,
): ResolvedWorker {
  const base = resolveWorkload(v, args, profile, {
    component: "kubernetes.Worker",
    pod: "worker",
    keys: WORKER_ARG_KEYS,
    nameRule: "a Deployment name Groundwork keeps to DNS-1035",
  });
  const [minReplicas, maxReplicas] = resolveReplicas(v, args, profile);
  if (args.externalMetric !== undefined && args.targetCpuUtilization !== undefined)
    v.fail(
      "targetCpuUtilization",
      args.targetCpuUtilization,
      "is set with externalMetric",
      "one scaling signal: CPU utilisation or the external metric",
    );
  const metrics: k8s.autoscaling.v2.MetricSpec[] =
    args.externalMetric !== undefined
      ? [externalMetricSpec(v, args.externalMetric)]
      : [
          {
            type: "Resource",
            resource: {
              name: "cpu",
              target: {
                type: "Utilization",
                averageUtilization: v.integer("targetCpuUtilization", args.targetCpuUtilization, 10, 100, 70),
              },
            },
          },
        ];
  const grace = v.integer("terminationGracePeriodSeconds", args.terminationGracePeriodSeconds, 1, 3600, 60);
  return {
    ...withWeakened(base, weakenedReplicas(profile, minReplicas)),
    minReplicas,
    maxReplicas,
    metrics,
    terminationGracePeriodSeconds: grace,
  };
}
