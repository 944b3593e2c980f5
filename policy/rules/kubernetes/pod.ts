// Reading pod templates: where each workload kind keeps its pod, its containers (init and ephemeral
// included), the security setting in force for a container, and the rule shapes built on them.
import type { ResourceValidationArgs } from "@pulumi/policy";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { ResourceRule } from "../../runtime";
import { Inputs, Props, record, recordAt, records } from "../../runtime/props";

export type PodSpec = Inputs<k8s.core.v1.PodSpec>;
export type ContainerSpec = Partial<Inputs<k8s.core.v1.Container>>;

/** Workload kinds and where their pod template lives. */
const POD_PATHS: Record<string, readonly string[]> = {
  "kubernetes:core/v1:Pod": [],
  "kubernetes:apps/v1:Deployment": ["spec", "template"],
  "kubernetes:apps/v1:StatefulSet": ["spec", "template"],
  "kubernetes:apps/v1:DaemonSet": ["spec", "template"],
  "kubernetes:apps/v1:ReplicaSet": ["spec", "template"],
  "kubernetes:core/v1:ReplicationController": ["spec", "template"],
  "kubernetes:batch/v1:Job": ["spec", "template"],
  "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template"],
};
export const WORKLOAD_TYPES = Object.keys(POD_PATHS);

/** The Pod Security Standards profile the pod rules implement. */
export const PSS = "PSS restricted";

interface PodTemplate {
  readonly metadata: Props;
  readonly spec: PodSpec;
}

/** The pod template of a workload (or the pod itself), or undefined for other kinds. */
export function podTemplate(type: string, props: Props): PodTemplate | undefined {
  const path = POD_PATHS[type];
  if (path === undefined) return undefined;
  const node = recordAt(props, path);
  return { metadata: record(node.metadata), spec: record(node.spec) as PodSpec };
}

export interface Container {
  readonly kind: "container" | "initContainer" | "ephemeralContainer";
  readonly c: ContainerSpec;
  readonly label: string;
}

export function containers(spec: PodSpec): Container[] {
  const out: Container[] = [];
  const add = (kind: Container["kind"], list: unknown): void => {
    for (const c of records(list) as ContainerSpec[])
      out.push({ kind, c, label: `${kind} "${String(c.name ?? "?")}"` });
  };
  add("initContainer", spec.initContainers);
  add("container", spec.containers);
  add("ephemeralContainer", spec.ephemeralContainers);
  return out;
}

/** The security settings a pod sets for all its containers and a container may override. */
type Overridable =
  | "runAsNonRoot"
  | "runAsUser"
  | "runAsGroup"
  | "seccompProfile"
  | "seLinuxOptions"
  | "appArmorProfile"
  | "windowsOptions";

/** A pod-level security setting as it applies to container `c`. */
export function effective(pod: PodSpec, c: ContainerSpec, key: Overridable): unknown {
  const own = record(c.securityContext);
  return key in own ? own[key] : record(pod.securityContext)[key];
}

type Meta = Omit<ResourceRule, "validateResource" | "area">;
type PodCheck = (pod: PodSpec, report: (message: string) => void, args: ResourceValidationArgs) => void;

/** A rule over the pod template of every workload kind. */
export function podRule(meta: Meta, check: PodCheck): ResourceRule {
  return {
    ...meta,
    area: "kubernetes",
    types: WORKLOAD_TYPES,
    validateResource(args, report) {
      const tpl = podTemplate(args.type, args.props);
      if (tpl === undefined) return;
      check(tpl.spec, (m) => report(m), args);
    },
  };
}

/** A rule over every container of every pod template (init and ephemeral included, unless skipped). */
export function containerRule(
  meta: Meta,
  check: (
    container: Container,
    report: (message: string) => void,
    pod: PodSpec,
    args: ResourceValidationArgs,
  ) => void,
  skip: readonly Container["kind"][] = [],
): ResourceRule {
  return podRule(meta, (pod, report, args) => {
    for (const container of containers(pod))
      if (!skip.includes(container.kind)) check(container, report, pod, args);
  });
}
