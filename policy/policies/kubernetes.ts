// Kubernetes rules (BASELINE.md, Kubernetes section) over raw @pulumi/kubernetes objects: every pod
// template (init containers included) meets Pod Security Standards "restricted" and the Groundwork
// extras; namespaces and the objects that must accompany a workload are checked as stack policies.
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, ofTypes, resourcePolicy, stackPolicy } from "./meta";
import { eachOf } from "./links";
import { ifKnown, isUnknownError } from "./unknowns";
import { requiredTagsRule } from "./common";

type Props = Record<string, unknown>;

function obj(value: unknown): Props {
  return typeof value === "object" && value !== null ? (value as Props) : {};
}

function list(value: unknown): Props[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

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
const SCALABLE = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];
const NAMESPACE = ["kubernetes:core/v1:Namespace"];
const NETWORK_POLICY = ["kubernetes:networking.k8s.io/v1:NetworkPolicy"];
const PDB = ["kubernetes:policy/v1:PodDisruptionBudget"];
const QUOTA = ["kubernetes:core/v1:ResourceQuota"];
const LIMIT_RANGE = ["kubernetes:core/v1:LimitRange"];
const SERVICE = ["kubernetes:core/v1:Service"];
const HPA = ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler"];
/** Cluster-scoped kinds (everything else is namespaced for the default-namespace rule). */
const CLUSTER_SCOPED =
  /^kubernetes:(core\/v1:(Namespace|Node|PersistentVolume)|rbac\.authorization\.k8s\.io\/v1:Cluster|apiextensions|storage\.k8s\.io|admissionregistration|scheduling\.k8s\.io|networking\.k8s\.io\/v1:IngressClass|policy\/v1beta1:PodSecurityPolicy|yaml:|helm\.sh|kustomize)/;

interface PodTemplate {
  readonly metadata: Props;
  readonly spec: Props;
}

/** The pod template of a workload (or the pod itself), or undefined for other kinds. */
export function podTemplate(type: string, props: Props): PodTemplate | undefined {
  const path = POD_PATHS[type];
  if (path === undefined) return undefined;
  let node: Props = props;
  for (const key of path) node = obj(node[key]);
  return { metadata: obj(node.metadata), spec: obj(node.spec) };
}

interface Container {
  readonly kind: "container" | "initContainer" | "ephemeralContainer";
  readonly c: Props;
  readonly label: string;
}

function containers(spec: Props): Container[] {
  const out: Container[] = [];
  const add = (kind: Container["kind"], key: string): void => {
    for (const c of list(spec[key])) out.push({ kind, c, label: `${kind} "${String(c.name ?? "?")}"` });
  };
  add("initContainer", "initContainers");
  add("container", "containers");
  add("ephemeralContainer", "ephemeralContainers");
  return out;
}

/** A pod-level security setting a container may override. */
function effective(pod: Props, c: Props, key: string): unknown {
  const own = obj(c.securityContext);
  return key in own ? own[key] : obj(pod.securityContext)[key];
}

type PodCheck = (pod: Props, report: (message: string) => void, args: ResourceValidationArgs) => void;

function podRule(meta: Omit<ResourceRule, "validateResource" | "area">, check: PodCheck): ResourceRule {
  return {
    ...meta,
    area: "kubernetes",
    validateResource(args, report) {
      const tpl = podTemplate(args.type, args.props);
      if (tpl === undefined) return;
      check(tpl.spec, (m) => report(m), args);
    },
  };
}

const PSS = "PSS restricted";

const podRules: ResourceRule[] = [
  podRule(
    {
      name: "k8s-no-privileged",
      severity: "critical",
      description: "Containers must not run privileged.",
      remediationSteps: "Remove `securityContext.privileged: true`.",
      references: ["CKV_K8S_16", "PSS baseline"],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod))
        if (obj(c.securityContext).privileged === true) report(`${label} is privileged`);
    },
  ),
  podRule(
    {
      name: "k8s-no-host-access",
      severity: "critical",
      description:
        "Pods must not use the host's network, PID or IPC namespaces, host ports or hostPath volumes.",
      remediationSteps:
        "Remove hostNetwork/hostPID/hostIPC, `hostPort` and hostPath volumes; use Services and PersistentVolumeClaims.",
      references: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "CKV_K8S_26", "PSS baseline"],
    },
    (pod, report) => {
      for (const key of ["hostNetwork", "hostPID", "hostIPC"])
        if (pod[key] === true) report(`${key} is true`);
      for (const { c, label } of containers(pod)) {
        for (const p of list(c.ports))
          if (p.hostPort !== undefined && p.hostPort !== 0)
            report(`${label} binds hostPort ${String(p.hostPort)}`);
      }
      for (const v of list(pod.volumes))
        if (v.hostPath !== undefined) report(`volume "${String(v.name)}" is a hostPath`);
    },
  ),
  podRule(
    {
      name: "k8s-run-as-non-root",
      severity: "high",
      description: "Containers must run as a non-root user (runAsNonRoot, and never UID 0).",
      remediationSteps:
        "Set `securityContext.runAsNonRoot: true` and `runAsUser` ≥ 10000 on the pod or each container.",
      references: ["CKV_K8S_23", PSS],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        if (effective(pod, c, "runAsNonRoot") !== true) report(`${label}: runAsNonRoot is not true`);
        if (effective(pod, c, "runAsUser") === 0) report(`${label}: runAsUser is 0`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-high-uid",
      severity: "medium",
      description: "Containers run with UID and GID ≥ 10000, away from host users.",
      remediationSteps: "Set `runAsUser` and `runAsGroup` to 10000 or more.",
      references: ["CKV_K8S_40"],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        for (const key of ["runAsUser", "runAsGroup"]) {
          const id = effective(pod, c, key);
          if (typeof id !== "number" || id < 10000)
            report(`${label}: ${key} is ${JSON.stringify(id ?? "unset")} (≥ 10000)`);
        }
      }
    },
  ),
  podRule(
    {
      name: "k8s-no-privilege-escalation",
      severity: "high",
      description: "Containers must set allowPrivilegeEscalation: false.",
      remediationSteps: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
      references: ["CKV_K8S_20", PSS],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        if (obj(c.securityContext).allowPrivilegeEscalation !== false)
          report(`${label}: allowPrivilegeEscalation is not false`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-drop-all-capabilities",
      severity: "high",
      description: "Containers drop ALL capabilities and add none beyond NET_BIND_SERVICE.",
      remediationSteps:
        'Set `securityContext.capabilities.drop: ["ALL"]`; add back only NET_BIND_SERVICE if needed.',
      references: ["CKV_K8S_28", "CKV_K8S_37", PSS],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        const caps = obj(obj(c.securityContext).capabilities);
        const drop = Array.isArray(caps.drop) ? caps.drop.map(String) : [];
        if (!drop.includes("ALL")) report(`${label} does not drop ALL capabilities`);
        const add = (Array.isArray(caps.add) ? caps.add.map(String) : []).filter(
          (x) => x !== "NET_BIND_SERVICE",
        );
        if (add.length > 0) report(`${label} adds capabilities ${add.join(", ")}`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-read-only-root-filesystem",
      severity: "medium",
      description: "Containers have a read-only root filesystem (emptyDir for /tmp).",
      remediationSteps:
        "Set `securityContext.readOnlyRootFilesystem: true`; mount an emptyDir where the app writes.",
      references: ["CKV_K8S_22"],
    },
    (pod, report) => {
      for (const { c, label, kind } of containers(pod)) {
        if (kind !== "ephemeralContainer" && obj(c.securityContext).readOnlyRootFilesystem !== true)
          report(`${label}: readOnlyRootFilesystem is not true`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-seccomp-runtime-default",
      severity: "medium",
      description: "Pods use the RuntimeDefault (or Localhost) seccomp profile.",
      remediationSteps: "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.",
      references: ["CKV_K8S_31", PSS],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        const type = obj(effective(pod, c, "seccompProfile")).type;
        if (type !== "RuntimeDefault" && type !== "Localhost")
          report(`${label}: seccomp profile is ${JSON.stringify(type ?? "unset")}`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-resources",
      severity: "medium",
      description: "Containers declare CPU, memory and ephemeral-storage requests and limits.",
      remediationSteps:
        "Set `resources.requests` and `resources.limits` for cpu, memory and ephemeral-storage.",
      references: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"],
    },
    (pod, report) => {
      for (const { c, label, kind } of containers(pod)) {
        if (kind === "ephemeralContainer") continue;
        const r = obj(c.resources);
        for (const side of ["requests", "limits"]) {
          const missing = ["cpu", "memory", "ephemeral-storage"].filter((k) => !(k in obj(r[side])));
          if (missing.length > 0) report(`${label}: no ${side} for ${missing.join(", ")}`);
        }
      }
    },
  ),
  podRule(
    {
      name: "k8s-probes",
      severity: "low",
      description: "Containers have liveness and readiness probes, and they differ.",
      remediationSteps:
        "Add `livenessProbe` and `readinessProbe` to each long-running container, checking different things.",
      references: ["CKV_K8S_8", "CKV_K8S_9"],
    },
    (pod, report, args) => {
      if (args.type === "kubernetes:batch/v1:Job" || args.type === "kubernetes:batch/v1:CronJob") return;
      for (const { c, label, kind } of containers(pod)) {
        if (kind !== "container") continue;
        if (c.livenessProbe === undefined) report(`${label} has no livenessProbe`);
        if (c.readinessProbe === undefined) report(`${label} has no readinessProbe`);
        if (
          c.livenessProbe !== undefined &&
          JSON.stringify(c.livenessProbe) === JSON.stringify(c.readinessProbe)
        ) {
          report(`${label}: livenessProbe and readinessProbe are identical`);
        }
      }
    },
  ),
  podRule(
    {
      name: "k8s-image-pinned",
      severity: "high",
      description: "Images are pinned to a version tag or digest, never `latest` or untagged.",
      remediationSteps: "Reference images as `repo:1.2.3` or `repo@sha256:…`.",
      references: ["CKV_K8S_14", "CKV_K8S_43"],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        const image = String(c.image ?? "");
        if (image.includes("@sha256:")) continue;
        const last = image.split("/").pop() ?? "";
        const tag = last.includes(":") ? last.split(":").pop() : undefined;
        if (tag === undefined || tag === "" || tag === "latest")
          report(`${label}: image "${image}" is not pinned`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-service-account-token",
      severity: "medium",
      description: "Pods use a dedicated ServiceAccount and do not automount its token unless asked.",
      remediationSteps:
        "Set `serviceAccountName` to the workload's own account and `automountServiceAccountToken: false`.",
      references: ["CKV_K8S_38", "CKV_K8S_41"],
    },
    (pod, report) => {
      const sa = pod.serviceAccountName ?? pod.serviceAccount;
      if (sa === undefined || sa === "default") report("runs as the namespace's default ServiceAccount");
      if (pod.automountServiceAccountToken !== false) report("automountServiceAccountToken is not false");
    },
  ),
  podRule(
    {
      name: "k8s-no-secrets-in-env",
      severity: "medium",
      description: "Secrets are mounted as files, not exposed as environment variables.",
      remediationSteps:
        "Replace `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` with a secret volume.",
      references: ["CKV_K8S_35"],
    },
    (pod, report) => {
      for (const { c, label } of containers(pod)) {
        for (const e of list(c.env))
          if (obj(e.valueFrom).secretKeyRef !== undefined)
            report(`${label}: env ${String(e.name)} comes from a Secret`);
        for (const e of list(c.envFrom)) if (e.secretRef !== undefined) report(`${label}: envFrom a Secret`);
      }
    },
  ),
];

function namespaceOf(r: { props: Props }): unknown {
  return obj(r.props.metadata).namespace;
}

/** The labels Groundwork puts on every Kubernetes object (components/core/tags.ts `kubernetesLabels`). */
export const DEFAULT_REQUIRED_LABELS = [
  "environment",
  "app.kubernetes.io/managed-by",
  "app.kubernetes.io/component",
];

const objectRules: ResourceRule[] = [
  requiredTagsRule({
    name: "k8s-required-labels",
    area: "kubernetes",
    appliesTo: (type) =>
      type.startsWith("kubernetes:") &&
      !type.startsWith("kubernetes:yaml") &&
      !type.startsWith("kubernetes:helm"),
    path: ["metadata", "labels"],
    defaultRequired: DEFAULT_REQUIRED_LABELS,
    noun: "label",
    references: ["Kubernetes recommended labels", "Groundwork BASELINE tags"],
  }),
  {
    name: "k8s-not-default-namespace",
    area: "kubernetes",
    severity: "medium",
    description: "Namespaced objects are not placed in the `default` namespace (or left without one).",
    remediationSteps: "Set `metadata.namespace` to the application's own namespace.",
    references: ["CKV_K8S_21"],
    validateResource(args, report) {
      if (!args.type.startsWith("kubernetes:") || CLUSTER_SCOPED.test(args.type)) return;
      if (!("metadata" in args.props)) return;
      const ns = namespaceOf(args);
      if (ns === undefined || ns === "" || ns === "default")
        report(`metadata.namespace is ${JSON.stringify(ns ?? "unset")}`);
    },
  },
  {
    name: "k8s-namespace-restricted",
    area: "kubernetes",
    severity: "high",
    description: "Namespaces enforce the `restricted` Pod Security Standard through admission labels.",
    remediationSteps:
      "Label the namespace `pod-security.kubernetes.io/enforce: restricted` (and `audit`/`warn`).",
    references: [PSS, "Kubernetes Pod Security Admission"],
    validateResource(args, report) {
      if (!NAMESPACE.includes(args.type)) return;
      const labels = obj(obj(args.props.metadata).labels);
      if (labels["pod-security.kubernetes.io/enforce"] !== "restricted") {
        report(
          `pod-security.kubernetes.io/enforce is ${JSON.stringify(labels["pod-security.kubernetes.io/enforce"] ?? "unset")}`,
        );
      }
    },
  },
  {
    name: "k8s-service-type",
    area: "kubernetes",
    severity: "high",
    description:
      "Services are ClusterIP; NodePort and LoadBalancer expose workloads and need a waiver that names the reason.",
    remediationSteps: "Use `type: ClusterIP` behind an Ingress/Gateway, or add a waiver for this Service.",
    references: ["Groundwork BASELINE no public exposure"],
    validateResource(args, report) {
      if (!SERVICE.includes(args.type)) return;
      const type = obj(args.props.spec).type ?? "ClusterIP";
      if (type === "NodePort" || type === "LoadBalancer") report(`Service type is ${String(type)}`);
    },
  },
];

const NAMESPACE_URN = "::kubernetes:core/v1:Namespace::";

/** Objects of some types, indexed by the namespace they name and the namespaces they depend on. */
interface NamespaceIndex {
  readonly position: Map<PolicyResource, number>;
  /** By `metadata` property dependency (any URN). */
  readonly byDependency: Map<string, PolicyResource[]>;
  /** By `metadata.namespace` when known (not defaulted). */
  readonly byName: Map<unknown, PolicyResource[]>;
  /** By `metadata.namespace`, "default" when unset or unknown. */
  readonly byEffectiveName: Map<unknown, PolicyResource[]>;
  /** By `metadata` dependency on a Namespace. */
  readonly byNamespaceDependency: Map<string, PolicyResource[]>;
}

// One index per `args.resources` array (the server builds one per stack policy) and list of types, so
// matching every namespace or workload against its companions stays linear.
const namespaceIndexes = new WeakMap<readonly PolicyResource[], Map<string, NamespaceIndex>>();

function add<K>(map: Map<K, PolicyResource[]>, key: K, r: PolicyResource): void {
  // NaN never equals itself under ===, but a Map would match it: keep it out, as the comparisons would.
  if (typeof key === "number" && Number.isNaN(key)) return;
  const found = map.get(key);
  if (!found) map.set(key, [r]);
  else if (found[found.length - 1] !== r) found.push(r);
}

function namespaceIndex(resources: readonly PolicyResource[], types: readonly string[]): NamespaceIndex {
  let byTypes = namespaceIndexes.get(resources);
  if (!byTypes) namespaceIndexes.set(resources, (byTypes = new Map()));
  const key = types.join(",");
  const cached = byTypes.get(key);
  if (cached) return cached;
  const index: NamespaceIndex = {
    position: new Map(),
    byDependency: new Map(),
    byName: new Map(),
    byEffectiveName: new Map(),
    byNamespaceDependency: new Map(),
  };
  resources.forEach((r, i) => {
    if (!types.includes(r.type)) return;
    index.position.set(r, i);
    for (const d of r.propertyDependencies.metadata ?? []) {
      add(index.byDependency, d.urn, r);
      if (d.urn.includes(NAMESPACE_URN)) add(index.byNamespaceDependency, d.urn, r);
    }
    const theirs = ifKnown(() => namespaceOf(r));
    if (theirs !== undefined) add(index.byName, theirs, r);
    add(index.byEffectiveName, theirs ?? "default", r);
  });
  byTypes.set(key, index);
  return index;
}

function inOrder(index: NamespaceIndex, found: Iterable<PolicyResource>): PolicyResource[] {
  return [...new Set(found)].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/** Objects in the namespace `ns`: by the namespace name when known, else through the recorded dependency. */
function inNamespace(
  resources: readonly PolicyResource[],
  types: readonly string[],
  ns: PolicyResource,
): PolicyResource[] {
  const index = namespaceIndex(resources, types);
  const name = ifKnown(() => obj(ns.props.metadata).name);
  return inOrder(index, [
    ...(index.byDependency.get(ns.urn) ?? []),
    ...(name !== undefined ? (index.byName.get(name) ?? []) : []),
  ]);
}

/**
 * The resources of `types` in the same namespace as `w`, in the order of `resources`: the same
 * `metadata.namespace` ("default" when unset or unknown), or a `metadata` dependency on the same
 * Namespace resource (its name unknown in preview).
 */
function sameNamespaceAs(
  resources: readonly PolicyResource[],
  types: readonly string[],
  w: PolicyResource,
): PolicyResource[] {
  const index = namespaceIndex(resources, types);
  const mine = ifKnown(() => namespaceOf(w)) ?? "default";
  const found = [...(index.byEffectiveName.get(mine) ?? [])];
  for (const d of w.propertyDependencies.metadata ?? []) {
    if (d.urn.includes(NAMESPACE_URN)) found.push(...(index.byNamespaceDependency.get(d.urn) ?? []));
  }
  return inOrder(index, found);
}

// Where an HPA points. Reading it may throw (unknown during preview); the first HPA, in resource
// order, whose target cannot be read is remembered per evaluation, since every workload reaches it.
const hpaTarget = (h: PolicyResource): Props => obj(obj(h.props.spec).scaleTargetRef);
const firstUnreadableHpa = new WeakMap<readonly PolicyResource[], PolicyResource | null>();

function unreadableHpa(resources: readonly PolicyResource[]): PolicyResource | null {
  if (firstUnreadableHpa.has(resources)) return firstUnreadableHpa.get(resources)!;
  let found: PolicyResource | null = null;
  for (const h of ofTypes(resources, HPA)) {
    try {
      hpaTarget(h);
    } catch (err) {
      if (!isUnknownError(err)) throw err;
      found = h;
      break;
    }
  }
  firstUnreadableHpa.set(resources, found);
  return found;
}

/** True when a label selector (matchLabels / matchExpressions In) selects `labels`. */
export function selects(selector: Props, labels: Props): boolean {
  const match = obj(selector.matchLabels);
  if (!Object.entries(match).every(([k, v]) => labels[k] === v)) return false;
  for (const e of list(selector.matchExpressions)) {
    const key = String(e.key);
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = key in labels;
    if (e.operator === "In" && !(has && values.includes(String(labels[key])))) return false;
    if (e.operator === "NotIn" && has && values.includes(String(labels[key]))) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const stackRules = [
  stackPolicy({
    name: "k8s-namespace-default-deny",
    area: "kubernetes",
    severity: "high",
    description:
      "Every namespace has a default-deny NetworkPolicy for ingress and egress (empty pod selector).",
    remediationSteps:
      "Add a NetworkPolicy in the namespace with `podSelector: {}`, policyTypes [Ingress, Egress] and no ingress rules (allow DNS egress).",
    references: ["CIS Kubernetes 5.3.2"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, NAMESPACE), report, (ns) => {
        const denies = inNamespace(args.resources, NETWORK_POLICY, ns).some((np) => {
          const spec = obj(np.props.spec);
          const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : [];
          const all =
            Object.keys(obj(obj(spec.podSelector).matchLabels)).length === 0 &&
            list(obj(spec.podSelector).matchExpressions).length === 0;
          return (
            all && types.includes("Ingress") && types.includes("Egress") && list(spec.ingress).length === 0
          );
        });
        if (!denies) report(`namespace "${ns.name}" has no default-deny NetworkPolicy`, ns.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-namespace-quota",
    area: "kubernetes",
    severity: "medium",
    description: "Every namespace has a ResourceQuota and a LimitRange.",
    remediationSteps: "Add a ResourceQuota and a LimitRange in the namespace.",
    references: ["Groundwork BASELINE Kubernetes Namespace"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, NAMESPACE), report, (ns) => {
        if (inNamespace(args.resources, QUOTA, ns).length === 0)
          report(`namespace "${ns.name}" has no ResourceQuota`, ns.urn);
        if (inNamespace(args.resources, LIMIT_RANGE, ns).length === 0)
          report(`namespace "${ns.name}" has no LimitRange`, ns.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-workload-network-policy",
    area: "kubernetes",
    severity: "medium",
    description: "Every workload's pods are selected by a NetworkPolicy in their namespace.",
    remediationSteps:
      "Add a NetworkPolicy whose podSelector matches the workload's pod labels and allows only the traffic it needs.",
    references: ["CIS Kubernetes 5.3.2", "NSA/CISA Kubernetes Hardening Guide"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, WORKLOAD_TYPES), report, (w) => {
        const labels = obj(podTemplate(w.type, w.props)?.metadata.labels);
        const selected = sameNamespaceAs(args.resources, NETWORK_POLICY, w).some((np) =>
          selects(obj(obj(np.props.spec).podSelector), labels),
        );
        if (!selected)
          report(`${w.type.split(":")[2]} "${w.name}" is not selected by any NetworkPolicy`, w.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-workload-disruption-budget",
    area: "kubernetes",
    severity: "medium",
    description: "Workloads with two or more replicas have a PodDisruptionBudget selecting their pods.",
    remediationSteps:
      "Add a PodDisruptionBudget (minAvailable 1 or maxUnavailable 1) whose selector matches the pod labels.",
    references: ["Groundwork BASELINE Kubernetes availability"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, SCALABLE), report, (w) => {
        const replicas = obj(w.props.spec).replicas ?? 1;
        if (typeof replicas !== "number" || replicas < 2) return;
        const labels = obj(podTemplate(w.type, w.props)?.metadata.labels);
        const covered = sameNamespaceAs(args.resources, PDB, w).some((p) =>
          selects(obj(obj(p.props.spec).selector), labels),
        );
        if (!covered)
          report(
            `${w.type.split(":")[2]} "${w.name}" (${replicas} replicas) has no PodDisruptionBudget`,
            w.urn,
          );
      });
    },
  }),
  stackPolicy({
    name: "k8s-workload-availability",
    area: "kubernetes",
    severity: "medium",
    description:
      "In staging and prod (stack name or `environment` label), Deployments and StatefulSets run at least two " +
      "replicas (directly or as an HPA floor) spread across zones.",
    remediationSteps:
      "Set `replicas` ≥ 2 or an HPA with `minReplicas` ≥ 2, and a `topologySpreadConstraints` entry on " +
      "`topology.kubernetes.io/zone`.",
    references: ["Groundwork BASELINE Kubernetes availability"],
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, SCALABLE), report, (w) => {
        const env = obj(obj(w.props.metadata).labels).environment;
        const stack = w.urn.split("::")[0].split(":").slice(2).join(":");
        if (![env, stack].some((e) => e === "staging" || e === "prod")) return;
        const kind = w.type.split(":")[2];
        const name = obj(w.props.metadata).name;
        // Same outcome as filtering every HPA in order: those in other namespaces only have their
        // target read, so the first unreadable one throws for this workload once the earlier ones pass.
        const unreadable = unreadableHpa(args.resources);
        const index = namespaceIndex(args.resources, HPA);
        const before = (h: PolicyResource): boolean =>
          unreadable === null || index.position.get(h)! < index.position.get(unreadable)!;
        const floor = sameNamespaceAs(args.resources, HPA, w)
          .filter(before)
          .filter((h) => {
            const ref = hpaTarget(h);
            const byDependency = (h.propertyDependencies.spec ?? []).some((d) => d.urn === w.urn);
            return ref.kind === kind && (byDependency || (name !== undefined && ref.name === name));
          });
        if (unreadable !== null) hpaTarget(unreadable);
        const floors = floor.map((h) => Number(obj(h.props.spec).minReplicas ?? 1));
        const replicas = Number(obj(w.props.spec).replicas ?? 1);
        if (Math.max(replicas, ...floors) < 2)
          report(`${kind} "${w.name}" runs fewer than 2 replicas`, w.urn);
        const spread = list(podTemplate(w.type, w.props)?.spec.topologySpreadConstraints);
        if (!spread.some((c) => c.topologyKey === "topology.kubernetes.io/zone")) {
          report(`${kind} "${w.name}" is not spread across zones`, w.urn);
        }
      });
    },
  }),
];

/** Every Kubernetes policy. */
export const kubernetesPolicies: GroundworkPolicy[] = [
  ...podRules.map(resourcePolicy),
  ...objectRules.map(resourcePolicy),
  ...stackRules,
];
