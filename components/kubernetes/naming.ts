// Kubernetes name rules: DNS-1123 labels and subdomains, and the namespaces no component may create or
// deploy into. Pure, no provider SDK.
import { NameRule, validateNameFor } from "../core/naming";
import { Validator } from "../core/validate";

/** A DNS-1123 label: namespace, Service and most object names. Digits may lead. */
export const KUBERNETES_LABEL_NAME: NameRule = {
  id: "kubernetesLabel",
  minLength: 1,
  maxLength: 63,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  description:
    "a DNS-1123 label: 1-63 characters, lowercase letters, digits and hyphens, starting and ending with a " +
    "letter or digit",
};

/** A DNS-1123 subdomain: Secret, ConfigMap and IngressClass names, and host names. */
export const KUBERNETES_SUBDOMAIN_NAME: NameRule = {
  id: "kubernetesSubdomain",
  minLength: 1,
  maxLength: 253,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  description:
    "a DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels of lowercase letters, " +
    "digits and hyphens",
  // Every dot-separated label must start and end alphanumeric, so hyphens next to a dot go.
  sanitize: (s) => s.replace(/[^a-z0-9.-]/g, "-").replace(/-*\.[-.]*/g, "."),
};

/** Namespaces a component must never create or deploy into. */
export const RESERVED_NAMESPACES: readonly string[] = [
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
];

const RESERVED_REFUSAL = {
  create: ["is a namespace Kubernetes reserves", "a name that is not default and does not start with kube-"],
  deploy: ["is a namespace workloads must not run in", "a namespace of your own, not default or kube-*"],
} as const;

/**
 * Checks a namespace name: a DNS-1123 label, and neither `default` nor `kube-*`, whether the component
 * creates the namespace (`create`) or deploys into it (`deploy`). Returns the name.
 */
export function checkNamespaceName(
  v: Validator,
  field: string,
  name: string,
  use: keyof typeof RESERVED_REFUSAL,
): string {
  validateNameFor(v, field, KUBERNETES_LABEL_NAME, name);
  if (RESERVED_NAMESPACES.includes(name) || name.startsWith("kube-")) {
    const [problem, expected] = RESERVED_REFUSAL[use];
    v.fail(field, name, problem, expected);
  }
  return name;
}
