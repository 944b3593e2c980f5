// WebService arguments and their pure resolution: every default applied, every check made and every
// weakened default named, before the component registers anything. Unit-tested without a synth.
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { imageTag } from "../../core/images";
import { validateNameFor } from "../../core/naming";
import { Environment, EnvironmentProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { argKeys, strictArgs } from "../../core/strict";
import { Validator, knownValue } from "../../core/validate";
import { WEAKENED_ANNOTATION, weakenedAgainstProfile, withWeakenedRecord } from "../../core/weakening";
import { checkAnnotations, kubernetesLabels } from "../labels";
import { KUBERNETES_LABEL_NAME, checkNamespaceName } from "../naming";
import { ContainerArgs, InitContainerArgs, buildPodSpec } from "../pod";
import { DEFAULT_RUN_AS_ID, runAsId } from "../pod/security";
import { KUBERNETES_SIZES } from "../sizes";
import { IngressSettings, admittedPeers, resolveIngress } from "./admission";

/**
 * Arguments of {@link WebService}. Any other key is refused (naming the closest valid one), in the
 * arguments and in each container and file mount.
 */
export interface WebServiceArgs {
  /**
   * Namespace to deploy into, typically `namespace.namespaceName` of a Groundwork `Namespace`. `default`
   * and the `kube-*` namespaces are refused (an Output when it resolves).
   */
  readonly namespace: pulumi.Input<string>;
  /** Environment profile: replicas, PDB, HPA bounds and container sizes. @default "dev" */
  readonly environment?: Environment;
  /** Extra labels on every object and on the pods; may not change a Groundwork label. @default none */
  readonly labels?: Tags;
  /** Extra annotations on every object and on the pods. @default none */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * The pod's containers: the first is the main container (it receives the Service's traffic), the
   * others are sidecars. Each gets the same hardened security context, requests and limits, probes and
   * a private `/tmp`.
   */
  readonly containers: readonly ContainerArgs[];
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
   * Namespaces whose pods may call the service (matched on `kubernetes.io/metadata.name`).
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
  ...(["namespace", "environment", "labels", "annotations", "containers", "initContainers"] as const),
  ...(["runAsUser", "runAsGroup", "automountServiceAccountToken", "servicePort", "minReplicas"] as const),
  ...(["maxReplicas", "targetCpuUtilization", "allowFromNamespaces", "allowFromPods", "ingress"] as const),
  ...(["ingressHost", "ingressTlsSecretName", "ingressClassName", "ingressControllerNamespace"] as const),
  "ingressCertificateIssuer",
]);

/** Everything the WebService constructor wires, decided. */
export interface ResolvedWebService {
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
  readonly mainPort: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilization: number;
  readonly servicePort: number;
  readonly automountServiceAccountToken: boolean;
  /** The Ingress to create; undefined when `ingress` is false. */
  readonly ingress?: IngressSettings;
  /** The callers the NetworkPolicy admits on the main port; empty admits nothing. */
  readonly allowFrom: k8s.networking.v1.NetworkPolicyPeer[];
  /** Weakened defaults by argument name, sorted; empty at defaults. */
  readonly weakened: readonly string[];
}

const DNS_LABEL =
  "a DNS-1123 label: 1-63 lowercase letters, digits and hyphens, starting and ending alphanumeric";

/** The namespace to deploy into: checked now when known, on resolution when an Output. */
function resolveNamespace(v: Validator, namespace: pulumi.Input<string>): pulumi.Input<string> {
  v.required("namespace", namespace, "the name of the namespace to deploy into");
  const check = (ns: string): string => checkNamespaceName(v, "namespace", ns, "deploy");
  const known = knownValue(namespace);
  // An Output is checked when it resolves, and every object takes the checked value, so none of them
  // can be created in `default` or `kube-*` whichever way the name arrives.
  return known !== undefined ? check(known) : pulumi.output(namespace).apply(check);
}

/** Replica bounds: the profile's, never below the environment's floor (2 where it is highly available). */
function resolveReplicas(v: Validator, args: WebServiceArgs, profile: EnvironmentProfile): [number, number] {
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

/** Checks the component's own name: a DNS-1123 label that starts with a letter, as a Service name must. */
function checkServiceName(v: Validator, args: WebServiceArgs): string {
  const name = v.resourceName;
  validateNameFor(v, "name", KUBERNETES_LABEL_NAME, name);
  // The Service carries this name, and Service names are DNS-1035 labels.
  if (!/^[a-z]/.test(name))
    v.fail(
      "name",
      name,
      "does not start with a letter",
      `${DNS_LABEL}, starting with a letter (a Service name)`,
    );
  strictArgs(v, args, WEB_SERVICE_ARG_KEYS);
  return name;
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
  const name = checkServiceName(v, args);
  const namespace = resolveNamespace(v, args.namespace);
  const [minReplicas, maxReplicas] = resolveReplicas(v, args, profile);
  const targetCpuUtilization = v.integer("targetCpuUtilization", args.targetCpuUtilization, 10, 100, 70);
  const servicePort = v.integer("servicePort", args.servicePort, 1, 65535, 80);
  const automount = v.boolean("automountServiceAccountToken", args.automountServiceAccountToken, false);
  const runAsUser = runAsId(v, "runAsUser", args.runAsUser, DEFAULT_RUN_AS_ID);
  const runAsGroup = runAsId(v, "runAsGroup", args.runAsGroup, DEFAULT_RUN_AS_ID);
  const ingress = resolveIngress(v, args);
  const allowFrom = admittedPeers(v, args, ingress);
  const mainImage = knownValue(args.containers?.[0]?.image);
  const labels = kubernetesLabels(v, {
    environment: profile.environment,
    component: "kubernetes.WebService",
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
  });
  // The argument is `minReplicas`; the profile comparison calls the same idea `minCapacity`.
  const weakened = [
    ...(automount ? ["automountServiceAccountToken"] : []),
    ...weakenedAgainstProfile(profile, { minCapacity: minReplicas }).map((w) =>
      w === "minCapacity" ? "minReplicas" : w,
    ),
  ].sort();
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
    minReplicas,
    maxReplicas,
    targetCpuUtilization,
    servicePort,
    automountServiceAccountToken: automount,
    ...(ingress !== undefined ? { ingress } : {}),
    allowFrom,
    weakened,
  };
}
