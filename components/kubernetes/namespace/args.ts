// Namespace arguments and their pure resolution: every default applied, every check made and every
// weakened default named, before the component registers anything. Unit-tested without a synth.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Environment, EnvironmentProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { argKeys, strictArgs } from "../../core/strict";
import { Validator } from "../../core/validate";
import { WEAKENED_ANNOTATION, withWeakenedRecord } from "../../core/weakening";
import { checkAnnotations, kubernetesLabels } from "../labels";
import { checkNamespaceName } from "../naming";
import { KUBERNETES_SIZES } from "../sizes";

/** The Kubernetes minor version the Pod Security Admission labels are pinned to by default. */
export const POD_SECURITY_VERSION = "v1.31";

/** Arguments of {@link Namespace}. Any other key is refused, naming the closest valid one. */
export interface NamespaceArgs {
  /** Environment profile: sizes the ResourceQuota and LimitRange. @default "dev" */
  readonly environment?: Environment;
  /** Extra labels on every object; may not change a Groundwork or Pod Security label. @default none */
  readonly labels?: Tags;
  /** Extra annotations on every object. @default none */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Kubernetes minor version the Pod Security Admission `restricted` level is pinned to (`v1.31`), so a
   * cluster upgrade never changes what is admitted without a code change. v1.25 or later: older versions
   * of `restricted` did not yet require seccomp or dropping all capabilities.
   * @default "v1.31"
   */
  readonly podSecurityVersion?: string;
  /**
   * Allow Services of type LoadBalancer and NodePort in the namespace. Off, the quota allows none of
   * either, so nothing in the namespace is exposed outside the cluster except through an Ingress. `true`
   * is a weakened default, recorded in the `groundwork.dev/weakened` annotation and the `weakened` output.
   * @default false
   */
  readonly allowExternalServices?: boolean;
}

/** The keys of {@link NamespaceArgs}, checked against it by the compiler; any other key is refused. */
export const NAMESPACE_ARG_KEYS = argKeys<NamespaceArgs>()([
  "environment",
  "labels",
  "annotations",
  "podSecurityVersion",
  "allowExternalServices",
]);

/** Everything the Namespace constructor wires, decided. */
export interface ResolvedNamespace {
  readonly name: string;
  /** Labels on every object (Groundwork's and the caller's). */
  readonly labels: Tags;
  /** The Pod Security Admission labels, on the namespace only. */
  readonly podSecurityLabels: Tags;
  /** Annotations on every object: the caller's, plus the weakened record when anything is weakened. */
  readonly annotations: Tags;
  readonly quota: k8s.core.v1.ResourceQuotaSpec;
  readonly limitRange: k8s.core.v1.LimitRangeSpec;
  /** Weakened defaults by argument name, sorted; empty at defaults. */
  readonly weakened: readonly string[];
}

/** The pinned Pod Security labels: enforce, audit and warn at `restricted`. */
function podSecurityLabels(v: Validator, args: NamespaceArgs): Tags {
  const version = args.podSecurityVersion ?? POD_SECURITY_VERSION;
  // `restricted` only requires seccomp from v1.19 and dropping ALL capabilities from v1.22: an older pin
  // would admit pods that miss both. v1.25 is where Pod Security Admission itself went GA.
  if (typeof version !== "string" || !/^v1\.(2[5-9]|[3-9]\d)$/.test(version)) {
    v.fail(
      "podSecurityVersion",
      version,
      "is not a pinned Kubernetes version of v1.25 or later",
      "a minor version such as v1.31, v1.25 or later (not latest)",
    );
  }
  const psa: { [key: string]: string } = {};
  for (const mode of ["enforce", "audit", "warn"]) {
    psa[`pod-security.kubernetes.io/${mode}`] = "restricted";
    psa[`pod-security.kubernetes.io/${mode}-version`] = version;
  }
  for (const key of Object.keys(args.labels ?? {})) {
    if (key.startsWith("pod-security.kubernetes.io/")) {
      v.fail(
        `labels.${key}`,
        args.labels?.[key],
        "would overwrite a Pod Security label",
        `no pod-security.kubernetes.io/* labels (they are set to restricted, ${version})`,
      );
    }
  }
  return psa;
}

/** The quota and the LimitRange of an environment; external Services get a quota of zero unless allowed. */
function quotaAndLimits(
  environment: Environment,
  allowExternal: boolean,
): Pick<ResolvedNamespace, "quota" | "limitRange"> {
  const { namespaceQuota: q, container: c } = KUBERNETES_SIZES[environment];
  const hard = {
    "requests.cpu": q.requestsCpu,
    "requests.memory": q.requestsMemory,
    "limits.cpu": q.limitsCpu,
    "limits.memory": q.limitsMemory,
    pods: q.pods,
    persistentvolumeclaims: q.persistentVolumeClaims,
    // Services stay inside the cluster: exposure goes through an Ingress with TLS.
    ...(allowExternal ? {} : { "services.loadbalancers": "0", "services.nodeports": "0" }),
  };
  const limit = {
    type: "Container",
    default: { cpu: c.cpuLimit, memory: c.memoryLimit, "ephemeral-storage": c.ephemeralStorageLimit },
    defaultRequest: {
      cpu: c.cpuRequest,
      memory: c.memoryRequest,
      "ephemeral-storage": c.ephemeralStorageRequest,
    },
  };
  return { quota: { hard }, limitRange: { limits: [limit] } };
}

/**
 * Resolves a Namespace's arguments. The name is `v.resourceName`; `profile` is the resolved environment.
 * Throws a GroundworkInputError on the first bad value.
 */
export function resolveNamespaceArgs(
  v: Validator,
  args: NamespaceArgs,
  profile: EnvironmentProfile,
): ResolvedNamespace {
  strictArgs(v, args, NAMESPACE_ARG_KEYS);
  const name = checkNamespaceName(v, "name", v.resourceName, "create");
  const psa = podSecurityLabels(v, args);
  const allowExternal = v.boolean("allowExternalServices", args.allowExternalServices, false);
  const labels = kubernetesLabels(v, {
    environment: profile.environment,
    component: "kubernetes.Namespace",
    name,
    labels: args.labels,
  });
  const weakened = allowExternal ? ["allowExternalServices"] : [];
  return {
    name,
    labels,
    podSecurityLabels: psa,
    annotations: withWeakenedRecord(checkAnnotations(v, args.annotations), WEAKENED_ANNOTATION, weakened),
    ...quotaAndLimits(profile.environment, allowExternal),
    weakened,
  };
}
