// WebService arguments and their pure resolution: every default applied, every check made and every
// weakened default named, before the component registers anything. Unit-tested without a synth.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { EnvironmentProfile } from "../../core/profiles";
import { argKeys } from "../../core/strict";
import { Validator } from "../../core/validate";
import { ContainerArgs } from "../pod";
import {
  ResolvedWorkload,
  WORKLOAD_ARG_KEYS,
  WorkloadArgs,
  resolveReplicas,
  resolveWorkload,
  weakenedReplicas,
  withWeakened,
} from "../workload/base";
import { IngressSettings, admittedPeers, resolveIngress } from "./admission";

/**
 * Arguments of {@link WebService}. Any other key is refused (naming the closest valid one), in the
 * arguments and in each container, file mount and egress rule.
 */
export interface WebServiceArgs extends WorkloadArgs {
  /**
   * The pod's containers: the first is the main container (it receives the Service's traffic), the
   * others are sidecars. Each gets the same hardened security context, requests and limits, probes and
   * a private `/tmp`.
   */
  readonly containers: readonly ContainerArgs[];
  /** Port the ClusterIP Service listens on (it forwards to the main container's port). @default 80 */
  readonly servicePort?: number;
  /**
   * Fewest replicas (and the HPA floor); at least 2 in staging and prod. Below the profile's is a weakened
   * default, recorded in the `groundwork.dev/weakened` annotation and the `weakened` output.
   * @default the profile's (1, 2, 3)
   */
  readonly minReplicas?: number;
  /** Most replicas the HPA may scale to. @default the profile's (2, 4, 10) */
  readonly maxReplicas?: number;
  /** Average CPU utilisation (% of request) the HPA aims for. @default 70 */
  readonly targetCpuUtilization?: number;
  /**
   * Namespaces whose pods may call the service (matched on `kubernetes.io/metadata.name`). A workload that
   * names this service in its `egress` is admitted without being listed here.
   * @default none: no namespace is admitted
   */
  readonly allowFromNamespaces?: readonly string[];
  /**
   * Pods in the service's own namespace that may call it, each entry a label selector (`{ app: "web" }`).
   * @default none: no pod is admitted
   */
  readonly allowFromPods?: readonly { readonly [key: string]: string }[];
  /** Create an Ingress (TLS only) for `ingressHost`. @default false */
  readonly ingress?: boolean;
  /** Host name the Ingress serves; required when `ingress` is true. @default none */
  readonly ingressHost?: string;
  /**
   * Secret holding the TLS certificate for `ingressHost`. Without `ingressCertificateIssuer` it must exist
   * in the namespace before the Ingress serves (required when `ingress` is true); with it, cert-manager
   * writes the certificate there.
   * @default - `<name>-tls` with `ingressCertificateIssuer`; none (required) without
   */
  readonly ingressTlsSecretName?: string;
  /**
   * A cert-manager ClusterIssuer (`letsencrypt`, a private CA): the component creates a cert-manager
   * `Certificate` (`<name>-certificate`) for `ingressHost` into `ingressTlsSecretName`, so the Ingress
   * serves a real certificate instead of the controller's fake one. cert-manager and the ClusterIssuer
   * must exist in the cluster before the first `up`.
   * @default none: the caller provides the Secret
   */
  readonly ingressCertificateIssuer?: string;
  /** IngressClass of the controller. @default "nginx" */
  readonly ingressClassName?: string;
  /** Namespace the ingress controller runs in; admitted by the NetworkPolicy when `ingress` is true. @default "ingress-nginx" */
  readonly ingressControllerNamespace?: string;
}

/** The keys of {@link WebServiceArgs}, checked against it by the compiler; any other key is refused. */
export const WEB_SERVICE_ARG_KEYS = argKeys<WebServiceArgs>()([
  ...WORKLOAD_ARG_KEYS,
  ...(["containers", "servicePort", "minReplicas", "maxReplicas", "targetCpuUtilization"] as const),
  ...(["allowFromNamespaces", "allowFromPods", "ingress", "ingressHost", "ingressTlsSecretName"] as const),
  ...(["ingressClassName", "ingressControllerNamespace", "ingressCertificateIssuer"] as const),
]);

/** Everything the WebService constructor wires, decided. */
export interface ResolvedWebService extends ResolvedWorkload {
  readonly mainPort: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilization: number;
  readonly servicePort: number;
  /** The Ingress to create; undefined when `ingress` is false. */
  readonly ingress?: IngressSettings;
  /** The callers the NetworkPolicy admits on the main port; empty admits nothing. */
  readonly allowFrom: k8s.networking.v1.NetworkPolicyPeer[];
}

/**
 * Resolves a WebService's arguments. The name is `v.resourceName`; `profile` is the resolved environment.
 * Throws a GroundworkInputError on the first bad value; a namespace or image given as an Output is
 * checked when it resolves.
 */
export function resolveWebServiceArgs(
  v: Validator,
  args: WebServiceArgs,
  profile: EnvironmentProfile,
): ResolvedWebService {
  const base = resolveWorkload(v, args, profile, {
    component: "kubernetes.WebService",
    pod: "service",
    keys: WEB_SERVICE_ARG_KEYS,
    nameRule: "a Service name",
  });
  const [minReplicas, maxReplicas] = resolveReplicas(v, args, profile);
  const targetCpuUtilization = v.integer("targetCpuUtilization", args.targetCpuUtilization, 10, 100, 70);
  const servicePort = v.integer("servicePort", args.servicePort, 1, 65535, 80);
  const ingress = resolveIngress(v, args);
  const allowFrom = admittedPeers(v, args, ingress);
  return {
    ...withWeakened(base, weakenedReplicas(profile, minReplicas)),
    // A service's main container always has a port (8080 unless given).
    mainPort: base.mainPort!,
    minReplicas,
    maxReplicas,
    targetCpuUtilization,
    servicePort,
    ...(ingress !== undefined ? { ingress } : {}),
    allowFrom,
  };
}
