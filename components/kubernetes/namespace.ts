// A hardened namespace: Pod Security Admission `restricted`, default-deny network traffic (DNS excepted),
// and a ResourceQuota and LimitRange sized from the environment profile.
import * as pulumi from "@pulumi/pulumi";
import { LimitRange, Namespace as K8sNamespace, ResourceQuota } from "@pulumi/kubernetes/core/v1";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import {
  Environment,
  Tags,
  Validator,
  childName,
  kubernetesLabels,
  resolveProfile,
  validateName,
} from "../core";
import { checkAnnotations } from "./pod";

/** The Kubernetes minor version the Pod Security Admission labels are pinned to by default. */
export const POD_SECURITY_VERSION = "v1.31";

/** Namespaces a component must never create or deploy into. */
export const RESERVED_NAMESPACES: readonly string[] = [
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
];

/** Arguments of {@link Namespace}. */
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
   * either, so nothing in the namespace is exposed outside the cluster except through an Ingress.
   * @default false
   */
  readonly allowExternalServices?: boolean;
}

/**
 * A Kubernetes namespace with the baseline every workload relies on. The namespace is named after the
 * component (a DNS-1123 label). Pass a Kubernetes provider through `opts.provider` (or `opts.providers`)
 * to target a cluster; every child inherits it.
 */
export class Namespace extends pulumi.ComponentResource {
  /** The namespace's name, known once it exists (children depend on it through this output). */
  readonly namespaceName: pulumi.Output<string>;
  /** The labels set on the namespace, Pod Security labels included. */
  readonly labels: Tags;

  constructor(name: string, args: NamespaceArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.Namespace", name);
    validateName(v, "name", "kubernetesLabel", name);
    if (RESERVED_NAMESPACES.includes(name) || name.startsWith("kube-")) {
      v.fail(
        "name",
        name,
        "is a namespace Kubernetes reserves",
        "a name that is not default and does not start with kube-",
      );
    }
    const profile = resolveProfile(v, args.environment);
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
    const allowExternal = v.boolean("allowExternalServices", args.allowExternalServices, false);
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
    const labels = kubernetesLabels(v, {
      environment: profile.environment,
      component: "kubernetes.Namespace",
      name,
      labels: args.labels,
    });
    const annotations = checkAnnotations(v, args.annotations);

    super("groundwork:kubernetes:Namespace", name, {}, opts);

    this.labels = { ...labels, ...psa };
    const meta = (objectName: string, extra: Tags = {}) => ({
      name: objectName,
      labels: { ...labels, ...extra },
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    });
    const ns = new K8sNamespace(
      childName(name, "namespace"),
      { metadata: meta(name, psa) },
      { parent: this },
    );
    this.namespaceName = ns.metadata.name;
    const namespaced = (objectName: string) => ({ ...meta(objectName), namespace: ns.metadata.name });

    // One policy both denies everything and allows DNS: every pod in the namespace is selected, ingress
    // has no rule (nothing admitted), egress admits only kube-dns in kube-system.
    new NetworkPolicy(
      childName(name, "default-deny"),
      {
        metadata: namespaced(childName(name, "default-deny")),
        spec: {
          podSelector: {},
          policyTypes: ["Ingress", "Egress"],
          ingress: [],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
          ],
        },
      },
      { parent: this },
    );

    const q = profile.sizes.namespaceQuota;
    new ResourceQuota(
      childName(name, "quota"),
      {
        metadata: namespaced(childName(name, "quota")),
        spec: {
          hard: {
            "requests.cpu": q.requestsCpu,
            "requests.memory": q.requestsMemory,
            "limits.cpu": q.limitsCpu,
            "limits.memory": q.limitsMemory,
            pods: q.pods,
            persistentvolumeclaims: q.persistentVolumeClaims,
            // Services stay inside the cluster: exposure goes through an Ingress with TLS.
            ...(allowExternal ? {} : { "services.loadbalancers": "0", "services.nodeports": "0" }),
          },
        },
      },
      { parent: this },
    );

    const c = profile.sizes.container;
    new LimitRange(
      childName(name, "limits"),
      {
        metadata: namespaced(childName(name, "limits")),
        spec: {
          limits: [
            {
              type: "Container",
              default: {
                cpu: c.cpuLimit,
                memory: c.memoryLimit,
                "ephemeral-storage": c.ephemeralStorageLimit,
              },
              defaultRequest: {
                cpu: c.cpuRequest,
                memory: c.memoryRequest,
                "ephemeral-storage": c.ephemeralStorageRequest,
              },
            },
          ],
        },
      },
      { parent: this },
    );

    this.registerOutputs({ namespaceName: this.namespaceName, labels: this.labels });
  }
}
