// Who may reach a WebService: the named namespaces and pods, and the ingress controller when a TLS-only
// Ingress is asked for. Pure checks of the arguments; nothing here registers a resource.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { nameProblemFor, validateNameFor } from "../../core/naming";
import { isPlainObject } from "../../core/strict";
import { Validator } from "../../core/validate";
import { kubernetesLabelKeyProblem, kubernetesLabelValueProblem } from "../labels";
import { KUBERNETES_LABEL_NAME, KUBERNETES_SUBDOMAIN_NAME } from "../naming";
// A type-only import: args.ts imports this file's functions, this file only its argument type.
import type { WebServiceArgs } from "./args";

/** The Ingress a WebService creates. */
export interface IngressSettings {
  readonly host: string;
  readonly tlsSecretName: string;
  /** The cert-manager ClusterIssuer that issues the certificate into the Secret; absent when the caller provides the Secret. */
  readonly certificateIssuer?: string;
  readonly className: string;
  readonly controllerNamespace: string;
}

/** The arguments these checks read. */
export type AdmissionArgs = Pick<
  WebServiceArgs,
  | "allowFromNamespaces"
  | "allowFromPods"
  | "ingress"
  | "ingressHost"
  | "ingressTlsSecretName"
  | "ingressCertificateIssuer"
  | "ingressClassName"
  | "ingressControllerNamespace"
>;

const INGRESS_ONLY = [
  "ingressHost",
  "ingressTlsSecretName",
  "ingressCertificateIssuer",
  "ingressClassName",
  "ingressControllerNamespace",
];

/**
 * The Ingress settings when `ingress` is true: a host, and a certificate that exists (a Secret the caller
 * provides, or one cert-manager issues from `ingressCertificateIssuer`). Without either, ingress-nginx would
 * serve its own fake certificate behind the HTTPS redirect. Refuses them when `ingress` is false.
 */
export function resolveIngress(
  v: Validator,
  args: AdmissionArgs,
  serviceName: string = v.resourceName,
): IngressSettings | undefined {
  const className = args.ingressClassName ?? "nginx";
  const controllerNamespace = args.ingressControllerNamespace ?? "ingress-nginx";
  if (!v.boolean("ingress", args.ingress, false)) {
    for (const f of INGRESS_ONLY as (keyof AdmissionArgs)[]) {
      if (args[f] !== undefined)
        v.fail(
          f,
          args[f],
          "is set but ingress is false",
          "ingress: true to create the Ingress, or leave this out",
        );
    }
    return undefined;
  }
  const host = v.required(
    "ingressHost",
    args.ingressHost,
    "a DNS name such as api.example.com when ingress is true",
  );
  if (nameProblemFor(KUBERNETES_SUBDOMAIN_NAME, host) !== undefined || !host.includes(".")) {
    v.fail(
      "ingressHost",
      host,
      "is not a fully qualified host name",
      "a lowercase DNS name such as api.example.com",
    );
  }
  const issuer = args.ingressCertificateIssuer;
  if (issuer !== undefined) validateNameFor(v, "ingressCertificateIssuer", KUBERNETES_SUBDOMAIN_NAME, issuer);
  const tlsSecretName =
    issuer !== undefined && args.ingressTlsSecretName === undefined
      ? `${serviceName}-tls`
      : v.required(
          "ingressTlsSecretName",
          args.ingressTlsSecretName,
          "the Secret holding the TLS certificate (the Ingress serves TLS only), or ingressCertificateIssuer " +
            "for cert-manager to issue it",
        );
  validateNameFor(v, "ingressTlsSecretName", KUBERNETES_SUBDOMAIN_NAME, tlsSecretName);
  validateNameFor(v, "ingressClassName", KUBERNETES_SUBDOMAIN_NAME, className);
  validateNameFor(v, "ingressControllerNamespace", KUBERNETES_LABEL_NAME, controllerNamespace);
  return {
    host,
    tlsSecretName,
    ...(issuer !== undefined ? { certificateIssuer: issuer } : {}),
    className,
    controllerNamespace,
  };
}

/** Refuses a pod selector that is empty (it would admit every pod) or not made of valid label pairs. */
function checkPodSelector(v: Validator, field: string, sel: { readonly [key: string]: string }): void {
  if (!isPlainObject(sel) || Object.keys(sel).length === 0) {
    // An empty selector would admit every pod in the namespace: that is not naming a caller.
    v.fail(field, sel, "selects every pod", "a non-empty map of label keys to values");
  }
  for (const [key, value] of Object.entries(sel)) {
    if (kubernetesLabelKeyProblem(key) || typeof value !== "string" || kubernetesLabelValueProblem(value)) {
      v.fail(
        `${field}.${key}`,
        value,
        "is not a valid label selector entry",
        "a Kubernetes label key and value",
      );
    }
  }
}

/** The NetworkPolicy peers admitted to the main port: named namespaces, named pods, the ingress controller. */
export function admittedPeers(
  v: Validator,
  args: AdmissionArgs,
  ingress: IngressSettings | undefined,
): k8s.networking.v1.NetworkPolicyPeer[] {
  const namespaces = args.allowFromNamespaces ?? [];
  if (!Array.isArray(namespaces))
    v.fail("allowFromNamespaces", namespaces, "is not a list", "a list of namespace names");
  namespaces.forEach((n, i) => validateNameFor(v, `allowFromNamespaces[${i}]`, KUBERNETES_LABEL_NAME, n));
  const pods = args.allowFromPods ?? [];
  if (!Array.isArray(pods)) v.fail("allowFromPods", pods, "is not a list", "a list of label selectors");
  pods.forEach((sel, i) => checkPodSelector(v, `allowFromPods[${i}]`, sel));
  const byName = (n: string) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": n } },
  });
  return [
    ...namespaces.map(byName),
    ...pods.map((sel) => ({ podSelector: { matchLabels: { ...sel } } })),
    ...(ingress !== undefined ? [byName(ingress.controllerNamespace)] : []),
  ];
}
