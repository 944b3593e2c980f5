// Rules on the metadata of every Kubernetes object: the required labels, and a namespace of its own
// (never `default`) for namespaced kinds.
import { ResourceRule } from "../../runtime";
import { requiredTagsRule } from "../common";
import { namespaceOf } from "./scope";

/** The labels Groundwork puts on every Kubernetes object (components/kubernetes/labels.ts `kubernetesLabels`). */
export const DEFAULT_REQUIRED_LABELS = [
  "environment",
  "app.kubernetes.io/managed-by",
  "app.kubernetes.io/component",
];

/** Cluster-scoped kinds (everything else is namespaced for the default-namespace rule). */
const CLUSTER_SCOPED =
  /^kubernetes:(core\/v1:(Namespace|Node|PersistentVolume)|rbac\.authorization\.k8s\.io\/v1:Cluster|apiextensions|storage\.k8s\.io|admissionregistration|scheduling\.k8s\.io|networking\.k8s\.io\/v1:IngressClass|policy\/v1beta1:PodSecurityPolicy|yaml:|helm\.sh|kustomize)/;

export const metadataRules: ResourceRule[] = [
  requiredTagsRule({
    name: "k8s-required-labels",
    area: "kubernetes",
    types: (type) =>
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
    types: (type) => type.startsWith("kubernetes:") && !CLUSTER_SCOPED.test(type),
    validateResource(args, report) {
      if (!args.type.startsWith("kubernetes:") || CLUSTER_SCOPED.test(args.type)) return;
      if (!("metadata" in args.props)) return;
      const ns = namespaceOf(args);
      if (ns === undefined || ns === "" || ns === "default")
        report(`metadata.namespace is ${JSON.stringify(ns ?? "unset")}`);
    },
  },
];
