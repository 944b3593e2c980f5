// Workload rules: every container declares resources and probes, pins its image, keeps secrets out of
// its environment and runs under its own service account; every workload is selected by a
// NetworkPolicy, covered by a disruption budget when replicated, and highly available in staging/prod.
import type { PolicyResource } from "@pulumi/policy";
import type { DeploymentArgs } from "@pulumi/kubernetes/apps/v1";
import type { HorizontalPodAutoscalerArgs } from "@pulumi/kubernetes/autoscaling/v2";
import type { PodDisruptionBudgetArgs } from "@pulumi/kubernetes/policy/v1";
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Props, propsOf, record, records, strings } from "../../runtime/props";
import { eachOf, ofTypes } from "../../runtime/links";
import { isUnknownError, peek } from "../../runtime/unknowns";
import { stackOf } from "../common";
import { WORKLOAD_TYPES, containerRule, containers, podRule, podTemplate } from "./pod";
import { reportPlaintextSecrets } from "../secrets";
import { NETWORK_POLICY } from "./namespace";
import { namespaceIndex, sameNamespaceAs } from "./scope";

const SCALABLE = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];
const PDB = ["kubernetes:policy/v1:PodDisruptionBudget"];
const HPA = ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler"];
const JOBS = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];

/** True when an image reference names a digest or a version tag (never `latest`, never untagged). */
export function isPinnedImage(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  // The tag follows the last `:` of the last path segment; a registry port (`host:5000/…`) is not one.
  const last = image.split("/").pop() ?? "";
  const tag = last.includes(":") ? last.split(":").pop() : undefined;
  return tag !== undefined && tag !== "" && tag !== "latest";
}

export const workloadRules: ResourceRule[] = [
  containerRule(
    {
      name: "k8s-resources",
      severity: "medium",
      description: "Containers declare CPU, memory and ephemeral-storage requests and limits.",
      remediationSteps:
        "Set `resources.requests` and `resources.limits` for cpu, memory and ephemeral-storage.",
      references: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"],
    },
    ({ c, label }, report) => {
      const r = record(c.resources);
      for (const side of ["requests", "limits"]) {
        const missing = ["cpu", "memory", "ephemeral-storage"].filter((k) => !(k in record(r[side])));
        if (missing.length > 0) report(`${label}: no ${side} for ${missing.join(", ")}`);
      }
    },
    ["ephemeralContainer"],
  ),
  containerRule(
    {
      name: "k8s-probes",
      severity: "low",
      description: "Containers have liveness and readiness probes, and they differ.",
      remediationSteps:
        "Add `livenessProbe` and `readinessProbe` to each long-running container, checking different things.",
      references: ["CKV_K8S_8", "CKV_K8S_9"],
    },
    ({ c, label }, report, _pod, args) => {
      // Jobs run to completion: liveness and readiness do not apply.
      if (JOBS.includes(args.type)) return;
      if (c.livenessProbe === undefined) report(`${label} has no livenessProbe`);
      if (c.readinessProbe === undefined) report(`${label} has no readinessProbe`);
      if (
        c.livenessProbe !== undefined &&
        JSON.stringify(c.livenessProbe) === JSON.stringify(c.readinessProbe)
      ) {
        report(`${label}: livenessProbe and readinessProbe are identical`);
      }
    },
    ["initContainer", "ephemeralContainer"],
  ),
  containerRule(
    {
      name: "k8s-image-pinned",
      severity: "high",
      description: "Images are pinned to a version tag or digest, never `latest` or untagged.",
      remediationSteps: "Reference images as `repo:1.2.3` or `repo@sha256:…`.",
      references: ["CKV_K8S_14", "CKV_K8S_43"],
    },
    function pinned({ c, label }, report) {
      const image = String(c.image ?? "");
      if (!isPinnedImage(image)) report(`${label}: image "${image}" is not pinned`);
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
  containerRule(
    {
      name: "k8s-no-secrets-in-env",
      severity: "medium",
      description: "Secrets are mounted as files, not exposed as environment variables.",
      remediationSteps:
        "Replace `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` with a secret volume.",
      references: ["CKV_K8S_35"],
    },
    ({ c, label }, report) => {
      for (const e of records(c.env))
        if (record(e.valueFrom).secretKeyRef !== undefined)
          report(`${label}: env ${String(e.name)} comes from a Secret`);
      for (const e of records(c.envFrom)) if (e.secretRef !== undefined) report(`${label}: envFrom a Secret`);
    },
  ),
  {
    name: "k8s-no-plaintext-secrets-in-env",
    area: "kubernetes",
    severity: "high",
    description:
      "Containers (init and ephemeral included) take values whose names announce a secret (PASSWORD, TOKEN, API_KEY …) " +
      "from a Secret, not as a literal `env[].value` written into the pod spec, which anyone who may read the " +
      "workload (or its ReplicaSets and Pods) sees.",
    remediationSteps:
      "Put the value in a Secret (or an external secret store) and mount it as a file; `valueFrom.secretKeyRef` " +
      "also keeps it out of the spec.",
    references: ["CIS Kubernetes 5.4.1", "NSA/CISA Kubernetes Hardening Guide"],
    types: WORKLOAD_TYPES,
    validateResource(args, report) {
      const tpl = podTemplate(args.type, args.props);
      if (tpl === undefined) return;
      const settings = containers(tpl.spec).flatMap(({ c, label }) =>
        records(c.env).map((e) => ({ name: peek(e, "name"), value: peek(e, "value"), where: label })),
      );
      reportPlaintextSecrets(settings, report, "env", "anyone who may get the workload");
    },
  },
];

/** True when a label selector (matchLabels / matchExpressions In) selects `labels`. */
export function selects(selector: Props, labels: Props): boolean {
  const match = record(selector.matchLabels);
  if (!Object.entries(match).every(([k, v]) => labels[k] === v)) return false;
  for (const e of records(selector.matchExpressions)) {
    const key = String(e.key);
    const values = strings(e.values);
    const has = key in labels;
    if (e.operator === "In" && !(has && values.includes(String(labels[key])))) return false;
    if (e.operator === "NotIn" && has && values.includes(String(labels[key]))) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** The labels on a workload's pods. */
function podLabels(w: PolicyResource): Props {
  return record(podTemplate(w.type, w.props)?.metadata.labels);
}

/** `Deployment "web"`: a workload as messages name it. */
function workloadLabel(w: PolicyResource): string {
  return `${w.type.split(":")[2]} "${w.name}"`;
}

// Where an HPA points. Reading it may throw (unknown during preview); the first HPA, in resource
// order, whose target cannot be read is remembered per evaluation, since every workload reaches it.
const hpaTarget = (h: PolicyResource): Props =>
  record(propsOf<HorizontalPodAutoscalerArgs>(h).spec?.scaleTargetRef);
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

/** The `minReplicas` of every HPA in `w`'s namespace that scales `w`. */
function hpaFloors(resources: readonly PolicyResource[], w: PolicyResource, kind: string): number[] {
  const name = record(propsOf<DeploymentArgs>(w).metadata).name;
  // Same outcome as filtering every HPA in order: those in other namespaces only have their
  // target read, so the first unreadable one throws for this workload once the earlier ones pass.
  const unreadable = unreadableHpa(resources);
  const index = namespaceIndex(resources, HPA);
  const before = (h: PolicyResource): boolean =>
    unreadable === null || index.position.get(h)! < index.position.get(unreadable)!;
  const scaling = sameNamespaceAs(resources, HPA, w)
    .filter(before)
    .filter((h) => {
      const ref = hpaTarget(h);
      const byDependency = (h.propertyDependencies.spec ?? []).some((d) => d.urn === w.urn);
      return ref.kind === kind && (byDependency || (name !== undefined && ref.name === name));
    });
  if (unreadable !== null) hpaTarget(unreadable);
  return scaling.map((h) => Number(record(propsOf<HorizontalPodAutoscalerArgs>(h).spec).minReplicas ?? 1));
}

export const workloadStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "k8s-workload-network-policy",
    area: "kubernetes",
    service: "Workloads",
    severity: "medium",
    description: "Every workload's pods are selected by a NetworkPolicy in their namespace.",
    remediationSteps:
      "Add a NetworkPolicy whose podSelector matches the workload's pod labels and allows only the traffic it needs.",
    references: ["CIS Kubernetes 5.3.2", "NSA/CISA Kubernetes Hardening Guide"],
    types: WORKLOAD_TYPES,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, WORKLOAD_TYPES), report, (w) => {
        const labels = podLabels(w);
        const selected = sameNamespaceAs(args.resources, NETWORK_POLICY, w).some((np) =>
          selects(record(record(propsOf<NetworkPolicyArgs>(np).spec).podSelector), labels),
        );
        if (!selected) report(`${workloadLabel(w)} is not selected by any NetworkPolicy`, w.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-workload-disruption-budget",
    area: "kubernetes",
    service: "Workloads",
    severity: "medium",
    description: "Workloads with two or more replicas have a PodDisruptionBudget selecting their pods.",
    remediationSteps:
      "Add a PodDisruptionBudget (minAvailable 1 or maxUnavailable 1) whose selector matches the pod labels.",
    references: ["Groundwork BASELINE Kubernetes availability"],
    types: SCALABLE,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, SCALABLE), report, (w) => {
        const replicas = record(propsOf<DeploymentArgs>(w).spec).replicas ?? 1;
        if (typeof replicas !== "number" || replicas < 2) return;
        const labels = podLabels(w);
        const covered = sameNamespaceAs(args.resources, PDB, w).some((p) =>
          selects(record(record(propsOf<PodDisruptionBudgetArgs>(p).spec).selector), labels),
        );
        if (!covered) report(`${workloadLabel(w)} (${replicas} replicas) has no PodDisruptionBudget`, w.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-workload-availability",
    area: "kubernetes",
    service: "Workloads",
    severity: "medium",
    description:
      "In staging and prod (stack name or `environment` label), Deployments and StatefulSets run at least two " +
      "replicas (directly or as an HPA floor) spread across zones.",
    remediationSteps:
      "Set `replicas` ≥ 2 or an HPA with `minReplicas` ≥ 2, and a `topologySpreadConstraints` entry on " +
      "`topology.kubernetes.io/zone`.",
    references: ["Groundwork BASELINE Kubernetes availability"],
    types: SCALABLE,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, SCALABLE), report, (w) => {
        const workload = propsOf<DeploymentArgs>(w);
        const env = record(record(workload.metadata).labels).environment;
        if (![env, stackOf(w.urn)].some((e) => e === "staging" || e === "prod")) return;
        const kind = w.type.split(":")[2];
        const floors = hpaFloors(args.resources, w, kind);
        const replicas = Number(record(workload.spec).replicas ?? 1);
        if (Math.max(replicas, ...floors) < 2)
          report(`${kind} "${w.name}" runs fewer than 2 replicas`, w.urn);
        const spread = records(podTemplate(w.type, w.props)?.spec.topologySpreadConstraints);
        if (!spread.some((c) => c.topologyKey === "topology.kubernetes.io/zone")) {
          report(`${kind} "${w.name}" is not spread across zones`, w.urn);
        }
      });
    },
  }),
];
