// A hardened HTTP workload: Deployment, ServiceAccount, ClusterIP Service, PodDisruptionBudget, HPA,
// an ingress NetworkPolicy admitting only named callers, and an optional TLS-only Ingress.
import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "@pulumi/kubernetes/apps/v1";
import { HorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2";
import { Service, ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { Ingress, NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { PodDisruptionBudget } from "@pulumi/kubernetes/policy/v1";
import type * as k8s from "@pulumi/kubernetes/types/input";
import {
  Environment,
  Tags,
  Validator,
  childName,
  knownValue,
  kubernetesLabelKeyProblem,
  kubernetesLabelValueProblem,
  kubernetesLabels,
  nameProblem,
  resolveProfile,
  validateName,
  imageTag,
} from "../core";
import { RESERVED_NAMESPACES } from "./namespace";
import {
  ContainerArgs,
  DEFAULT_RUN_AS_ID,
  InitContainerArgs,
  buildPodSpec,
  checkAnnotations,
  runAsId,
} from "./pod";

export { ContainerArgs, FileMountArgs, InitContainerArgs } from "./pod";

/** Arguments of {@link WebService}. */
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
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
  /** Port the ClusterIP Service listens on (it forwards to the main container's port). @default 80 */
  readonly servicePort?: number;
  /** Fewest replicas (and the HPA floor); at least 2 in staging and prod. @default the profile's (1, 2, 3) */
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
  /** Secret holding the TLS certificate for `ingressHost`; required when `ingress` is true. @default none */
  readonly ingressTlsSecretName?: string;
  /** IngressClass of the controller. @default "nginx" */
  readonly ingressClassName?: string;
  /** Namespace the ingress controller runs in; admitted by the NetworkPolicy when `ingress` is true. @default "ingress-nginx" */
  readonly ingressControllerNamespace?: string;
}

const DNS_LABEL =
  "a DNS-1123 label: 1-63 lowercase letters, digits and hyphens, starting and ending alphanumeric";

/**
 * A stateless HTTP service on Kubernetes with every BASELINE.md control on by default. All Kubernetes
 * objects are named after the component (`metadata.name = name`), so the Service's DNS name is
 * `<name>.<namespace>.svc`. Pass a Kubernetes provider through `opts.provider` (or `opts.providers`) to
 * target a cluster; every child inherits it.
 */
export class WebService extends pulumi.ComponentResource {
  /** Namespace the objects live in. */
  readonly namespace: pulumi.Output<string>;
  /** Name of the Deployment. */
  readonly deploymentName: pulumi.Output<string>;
  /** Name of the ClusterIP Service (its in-cluster DNS name is `<serviceName>.<namespace>.svc`). */
  readonly serviceName: pulumi.Output<string>;
  /** Name of the workload's own ServiceAccount. */
  readonly serviceAccountName: pulumi.Output<string>;
  /** Labels selecting the pods (`app.kubernetes.io/name` and `app.kubernetes.io/instance`). */
  readonly selector: Tags;
  /** The Ingress host, when an Ingress was created. */
  readonly host?: string;

  constructor(name: string, args: WebServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.WebService", name);
    validateName(v, "name", "kubernetesLabel", name);
    // The Service carries this name, and Service names are DNS-1035 labels.
    if (!/^[a-z]/.test(name))
      v.fail(
        "name",
        name,
        "does not start with a letter",
        `${DNS_LABEL}, starting with a letter (a Service name)`,
      );
    if (typeof args !== "object" || args === null)
      v.fail("args", args, "is missing", "an object with namespace and containers");
    const profile = resolveProfile(v, args.environment);

    v.required("namespace", args.namespace, "the name of the namespace to deploy into");
    const checkNamespace = (ns: string): string => {
      validateName(v, "namespace", "kubernetesLabel", ns);
      if (RESERVED_NAMESPACES.includes(ns) || ns.startsWith("kube-")) {
        v.fail(
          "namespace",
          ns,
          "is a namespace workloads must not run in",
          "a namespace of your own, not default or kube-*",
        );
      }
      return ns;
    };
    const knownNs = knownValue(args.namespace);
    if (knownNs !== undefined) checkNamespace(knownNs);
    // An Output is checked when it resolves, and every object takes the checked value, so none of them
    // can be created in `default` or `kube-*` whichever way the name arrives.
    const namespace: pulumi.Input<string> =
      knownNs !== undefined ? knownNs : pulumi.output(args.namespace).apply(checkNamespace);

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
    const minReplicas = v.integer("minReplicas", args.minReplicas, minFloor, 1000, profile.replicas.min);
    const maxReplicas = v.integer(
      "maxReplicas",
      args.maxReplicas,
      minReplicas,
      1000,
      Math.max(profile.replicas.max, minReplicas),
    );
    const targetCpu = v.integer("targetCpuUtilization", args.targetCpuUtilization, 10, 100, 70);
    const servicePort = v.integer("servicePort", args.servicePort, 1, 65535, 80);
    const automount = v.boolean("automountServiceAccountToken", args.automountServiceAccountToken, false);
    const runAsUser = runAsId(v, "runAsUser", args.runAsUser, DEFAULT_RUN_AS_ID);
    const runAsGroup = runAsId(v, "runAsGroup", args.runAsGroup, DEFAULT_RUN_AS_ID);

    const wantIngress = v.boolean("ingress", args.ingress, false);
    const ingressClassName = args.ingressClassName ?? "nginx";
    const controllerNamespace = args.ingressControllerNamespace ?? "ingress-nginx";
    if (wantIngress) {
      const host = v.required(
        "ingressHost",
        args.ingressHost,
        "a DNS name such as api.example.com when ingress is true",
      );
      if (nameProblem("kubernetesSubdomain", host) !== undefined || !host.includes(".")) {
        v.fail(
          "ingressHost",
          host,
          "is not a fully qualified host name",
          "a lowercase DNS name such as api.example.com",
        );
      }
      const secret = v.required(
        "ingressTlsSecretName",
        args.ingressTlsSecretName,
        "the Secret holding the TLS certificate (the Ingress serves TLS only)",
      );
      validateName(v, "ingressTlsSecretName", "kubernetesSubdomain", secret);
      validateName(v, "ingressClassName", "kubernetesSubdomain", ingressClassName);
      validateName(v, "ingressControllerNamespace", "kubernetesLabel", controllerNamespace);
    } else {
      for (const f of [
        "ingressHost",
        "ingressTlsSecretName",
        "ingressClassName",
        "ingressControllerNamespace",
      ] as const) {
        if (args[f] !== undefined)
          v.fail(
            f,
            args[f],
            "is set but ingress is false",
            "ingress: true to create the Ingress, or leave this out",
          );
      }
    }

    const allowNamespaces = args.allowFromNamespaces ?? [];
    if (!Array.isArray(allowNamespaces))
      v.fail("allowFromNamespaces", allowNamespaces, "is not a list", "a list of namespace names");
    allowNamespaces.forEach((n, i) => validateName(v, `allowFromNamespaces[${i}]`, "kubernetesLabel", n));
    const allowPods = args.allowFromPods ?? [];
    if (!Array.isArray(allowPods))
      v.fail("allowFromPods", allowPods, "is not a list", "a list of label selectors");
    allowPods.forEach((sel, i) => {
      if (typeof sel !== "object" || sel === null || Object.keys(sel).length === 0) {
        // An empty selector would admit every pod in the namespace: that is not naming a caller.
        v.fail(`allowFromPods[${i}]`, sel, "selects every pod", "a non-empty map of label keys to values");
      }
      for (const [key, value] of Object.entries(sel)) {
        if (
          kubernetesLabelKeyProblem(key) ||
          typeof value !== "string" ||
          kubernetesLabelValueProblem(value)
        ) {
          v.fail(
            `allowFromPods[${i}].${key}`,
            value,
            "is not a valid label selector entry",
            "a Kubernetes label key and value",
          );
        }
      }
    });

    const mainImage = knownValue(args.containers?.[0]?.image);
    const labels = kubernetesLabels(v, {
      environment: profile.environment,
      component: "kubernetes.WebService",
      name,
      version: typeof mainImage === "string" ? imageTag(mainImage) : undefined,
      labels: args.labels,
    });
    const annotations = checkAnnotations(v, args.annotations);
    const selector: Tags = {
      "app.kubernetes.io/name": labels["app.kubernetes.io/name"],
      "app.kubernetes.io/instance": labels["app.kubernetes.io/instance"],
    };
    const { spec: podSpec, mainPort } = buildPodSpec(v, args.containers, args.initContainers, {
      profile,
      serviceAccountName: name,
      automountServiceAccountToken: automount,
      runAsUser,
      runAsGroup,
    });

    super("groundwork:kubernetes:WebService", name, {}, opts);

    this.selector = selector;
    this.host = wantIngress ? args.ingressHost : undefined;
    const metadata: k8s.meta.v1.ObjectMeta = {
      name,
      namespace,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };

    const sa = new ServiceAccount(
      childName(name, "service-account"),
      { metadata, automountServiceAccountToken: automount },
      { parent: this },
    );

    const deployment = new Deployment(
      childName(name, "deployment"),
      {
        metadata,
        spec: {
          replicas: minReplicas,
          selector: { matchLabels: selector },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: {
              labels,
              ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
            },
            spec: {
              ...podSpec,
              serviceAccountName: sa.metadata.name,
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: "topology.kubernetes.io/zone",
                  whenUnsatisfiable: "ScheduleAnyway",
                  labelSelector: { matchLabels: selector },
                },
                {
                  maxSkew: 1,
                  topologyKey: "kubernetes.io/hostname",
                  whenUnsatisfiable: "ScheduleAnyway",
                  labelSelector: { matchLabels: selector },
                },
              ],
            },
          },
        },
      },
      // `replicas` sizes the first rollout only; from then on the HPA owns the count. Without this, every
      // `pulumi up` would reset the count the HPA chose (or conflict with it as a server-side apply field
      // manager), scaling the service down under load.
      { parent: this, ignoreChanges: ["spec.replicas"] },
    );

    const service = new Service(
      childName(name, "service"),
      {
        metadata,
        spec: {
          type: "ClusterIP",
          selector,
          ports: [{ name: "http", port: servicePort, targetPort: "http", protocol: "TCP" }],
        },
      },
      { parent: this },
    );

    // With a single replica (dev) a minAvailable budget would block every node drain; one pod may go.
    new PodDisruptionBudget(
      childName(name, "pdb"),
      {
        metadata,
        spec: {
          selector: { matchLabels: selector },
          ...(minReplicas >= 2 ? { minAvailable: minReplicas - 1 } : { maxUnavailable: 1 }),
        },
      },
      { parent: this },
    );

    new HorizontalPodAutoscaler(
      childName(name, "hpa"),
      {
        metadata,
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
          minReplicas,
          maxReplicas,
          metrics: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: targetCpu } },
            },
          ],
        },
      },
      { parent: this },
    );

    const from: k8s.networking.v1.NetworkPolicyPeer[] = [
      ...allowNamespaces.map((n) => ({
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": n } },
      })),
      ...allowPods.map((sel) => ({ podSelector: { matchLabels: { ...sel } } })),
      ...(wantIngress
        ? [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": controllerNamespace } } }]
        : []),
    ];
    new NetworkPolicy(
      childName(name, "network-policy"),
      {
        metadata,
        spec: {
          podSelector: { matchLabels: selector },
          policyTypes: ["Ingress"],
          // No named caller: an empty rule list admits nothing.
          ingress: from.length > 0 ? [{ from, ports: [{ protocol: "TCP", port: mainPort }] }] : [],
        },
      },
      { parent: this },
    );

    if (wantIngress) {
      new Ingress(
        childName(name, "ingress"),
        {
          metadata: {
            ...metadata,
            annotations: {
              ...annotations,
              // TLS only: plain HTTP is redirected, never served.
              "nginx.ingress.kubernetes.io/ssl-redirect": "true",
              "nginx.ingress.kubernetes.io/force-ssl-redirect": "true",
            },
          },
          spec: {
            ingressClassName,
            tls: [{ hosts: [args.ingressHost!], secretName: args.ingressTlsSecretName! }],
            rules: [
              {
                host: args.ingressHost!,
                http: {
                  paths: [
                    {
                      path: "/",
                      pathType: "Prefix",
                      backend: { service: { name: service.metadata.name, port: { name: "http" } } },
                    },
                  ],
                },
              },
            ],
          },
        },
        { parent: this },
      );
    }

    this.namespace = deployment.metadata.namespace.apply((n) => n ?? "");
    this.deploymentName = deployment.metadata.name;
    this.serviceName = service.metadata.name;
    this.serviceAccountName = sa.metadata.name;
    this.registerOutputs({
      namespace: this.namespace,
      deploymentName: this.deploymentName,
      serviceName: this.serviceName,
      serviceAccountName: this.serviceAccountName,
      selector: this.selector,
      host: this.host,
    });
  }
}
