// A hardened namespace: Pod Security Admission `restricted`, default-deny network traffic (DNS excepted),
// and a ResourceQuota and LimitRange sized from the environment. The decisions are in ./args.ts.
import * as pulumi from "@pulumi/pulumi";
import { LimitRange, Namespace as K8sNamespace, ResourceQuota } from "@pulumi/kubernetes/core/v1";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { childName } from "../../core/naming";
import { resolveProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { Validator } from "../../core/validate";
import { NamespaceArgs, resolveNamespaceArgs } from "./args";

export { NamespaceArgs, POD_SECURITY_VERSION } from "./args";

/** One policy both denies everything and allows DNS: every pod is selected, ingress admits nothing, egress only kube-dns. */
const DEFAULT_DENY = {
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
};

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
  /** Defaults the caller weakened, by argument name (`allowExternalServices`); empty when none. */
  readonly weakened: pulumi.Output<string[]>;

  constructor(name: string, args: NamespaceArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.Namespace", name);
    const r = resolveNamespaceArgs(v, args, resolveProfile(v, args?.environment));

    super("groundwork:kubernetes:Namespace", name, {}, opts);

    this.labels = { ...r.labels, ...r.podSecurityLabels };
    const meta = (objectName: string, extra: Tags = {}) => ({
      name: objectName,
      labels: { ...r.labels, ...extra },
      ...(Object.keys(r.annotations).length > 0 ? { annotations: r.annotations } : {}),
    });
    const ns = new K8sNamespace(
      childName(name, "namespace"),
      { metadata: meta(name, r.podSecurityLabels) },
      { parent: this },
    );
    this.namespaceName = ns.metadata.name;
    const namespaced = (suffix: string) => ({
      metadata: { ...meta(childName(name, suffix)), namespace: ns.metadata.name },
    });
    new NetworkPolicy(
      childName(name, "default-deny"),
      { ...namespaced("default-deny"), spec: DEFAULT_DENY },
      { parent: this },
    );
    new ResourceQuota(childName(name, "quota"), { ...namespaced("quota"), spec: r.quota }, { parent: this });
    new LimitRange(
      childName(name, "limits"),
      { ...namespaced("limits"), spec: r.limitRange },
      { parent: this },
    );

    this.weakened = pulumi.output([...r.weakened]);
    this.registerOutputs({ namespaceName: this.namespaceName, labels: this.labels, weakened: this.weakened });
  }
}
