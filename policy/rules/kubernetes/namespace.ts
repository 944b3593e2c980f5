// Namespace rules: each enforces the restricted Pod Security Standard, denies traffic by default and
// bounds what its workloads may consume (stack rules: the companions are separate objects).
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1";
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { onInputs, propsOf, record, records, strings } from "../../runtime/props";
import { eachOf, ofTypes } from "../../runtime/links";
import { PSS } from "./pod";
import { inNamespace } from "./scope";

const NAMESPACE = ["kubernetes:core/v1:Namespace"];
export const NETWORK_POLICY = ["kubernetes:networking.k8s.io/v1:NetworkPolicy"];
const QUOTA = ["kubernetes:core/v1:ResourceQuota"];
const LIMIT_RANGE = ["kubernetes:core/v1:LimitRange"];
const ENFORCE = "pod-security.kubernetes.io/enforce";

export const namespaceRules: ResourceRule[] = [
  {
    name: "k8s-namespace-restricted",
    area: "kubernetes",
    severity: "high",
    description: "Namespaces enforce the `restricted` Pod Security Standard through admission labels.",
    remediationSteps:
      "Label the namespace `pod-security.kubernetes.io/enforce: restricted` (and `audit`/`warn`).",
    references: [PSS, "Kubernetes Pod Security Admission"],
    validateResource: onInputs<NamespaceArgs>(NAMESPACE, (ns, report) => {
      const labels = record(record(ns.metadata).labels);
      if (labels[ENFORCE] !== "restricted") {
        report(`${ENFORCE} is ${JSON.stringify(labels[ENFORCE] ?? "unset")}`);
      }
    }),
  },
];

/** True for a NetworkPolicy that selects every pod, covers both directions and allows no ingress. */
function deniesByDefault(policy: { readonly props: object }): boolean {
  const spec = record(propsOf<NetworkPolicyArgs>(policy).spec);
  const types = strings(spec.policyTypes);
  const selector = record(spec.podSelector);
  const all =
    Object.keys(record(selector.matchLabels)).length === 0 && records(selector.matchExpressions).length === 0;
  return all && types.includes("Ingress") && types.includes("Egress") && records(spec.ingress).length === 0;
}

export const namespaceStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "k8s-namespace-default-deny",
    area: "kubernetes",
    service: "Namespaces",
    severity: "high",
    description:
      "Every namespace has a default-deny NetworkPolicy for ingress and egress (empty pod selector).",
    remediationSteps:
      "Add a NetworkPolicy in the namespace with `podSelector: {}`, policyTypes [Ingress, Egress] and no ingress rules (allow DNS egress).",
    references: ["CIS Kubernetes 5.3.2"],
    types: NAMESPACE,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, NAMESPACE), report, (ns) => {
        const denies = inNamespace(args.resources, NETWORK_POLICY, ns).some(deniesByDefault);
        if (!denies) report(`namespace "${ns.name}" has no default-deny NetworkPolicy`, ns.urn);
      });
    },
  }),
  stackPolicy({
    name: "k8s-namespace-quota",
    area: "kubernetes",
    service: "Namespaces",
    severity: "medium",
    description: "Every namespace has a ResourceQuota and a LimitRange.",
    remediationSteps: "Add a ResourceQuota and a LimitRange in the namespace.",
    references: ["Groundwork BASELINE Kubernetes Namespace"],
    types: NAMESPACE,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, NAMESPACE), report, (ns) => {
        if (inNamespace(args.resources, QUOTA, ns).length === 0)
          report(`namespace "${ns.name}" has no ResourceQuota`, ns.urn);
        if (inNamespace(args.resources, LIMIT_RANGE, ns).length === 0)
          report(`namespace "${ns.name}" has no LimitRange`, ns.urn);
      });
    },
  }),
];
