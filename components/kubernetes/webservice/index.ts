// A hardened HTTP workload: Deployment, ServiceAccount, ClusterIP Service, PodDisruptionBudget, HPA,
// an ingress NetworkPolicy admitting only named callers, and an optional TLS-only Ingress. The decisions
// are in ./args.ts and the child specs in ./specs.ts; this class only names and wires the children.
import * as pulumi from "@pulumi/pulumi";
import { CustomResource } from "@pulumi/kubernetes/apiextensions";
import { Deployment } from "@pulumi/kubernetes/apps/v1";
import { HorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2";
import { Service, ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { Ingress, NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { PodDisruptionBudget } from "@pulumi/kubernetes/policy/v1";
import { childName } from "../../core/naming";
import { resolveProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { Validator } from "../../core/validate";
import { EgressWorkload, WorkloadIdentity } from "../egress";
import { admissionPolicy, egressPolicy } from "../workload/policies";
import { WebServiceArgs, resolveWebServiceArgs } from "./args";
import {
  autoscalerSpec,
  certificateArgs,
  deploymentSpec,
  disruptionBudgetSpec,
  ingressArgs,
  networkPolicySpec,
  objectMetadata,
  serviceSpec,
} from "./specs";

export { WebServiceArgs } from "./args";

/**
 * A stateless HTTP service on Kubernetes with every BASELINE.md control on by default. All Kubernetes
 * objects are named after the component (`metadata.name = name`), so the Service's DNS name is
 * `<name>.<namespace>.svc`. Pass a Kubernetes provider through `opts.provider` (or `opts.providers`) to
 * target a cluster; every child inherits it.
 */
export class WebService extends pulumi.ComponentResource implements EgressWorkload {
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
  /** The port the pods accept callers on (the main container's), which an egress rule naming this service opens. */
  readonly podPort: number;
  /**
   * Defaults the caller weakened, by argument name (`automountServiceAccountToken`, `minReplicas`); empty
   * when none. Also recorded in the `groundwork.dev/weakened` annotation of every object.
   */
  readonly weakened: pulumi.Output<string[]>;

  private readonly ownName: string;
  private readonly ownMetadata: ReturnType<typeof objectMetadata>;

  constructor(name: string, args: WebServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.WebService", name);
    // `args?.`: a missing args object is reported by the resolver, naming the field.
    const r = resolveWebServiceArgs(v, args, resolveProfile(v, args?.environment));

    super("groundwork:kubernetes:WebService", name, {}, opts);

    this.selector = r.selector;
    this.host = r.ingress?.host;
    this.podPort = r.mainPort;
    const metadata = objectMetadata(r);
    this.ownName = name;
    this.ownMetadata = metadata;
    const sa = new ServiceAccount(
      childName(name, "service-account"),
      { metadata, automountServiceAccountToken: r.automountServiceAccountToken },
      { parent: this },
    );
    const deployment = new Deployment(
      childName(name, "deployment"),
      { metadata, spec: deploymentSpec(r, sa.metadata.name) },
      // `replicas` sizes the first rollout only; from then on the HPA owns the count. Without this, every
      // `pulumi up` would reset the count the HPA chose (or conflict with it as a server-side apply field
      // manager), scaling the service down under load.
      { parent: this, ignoreChanges: ["spec.replicas"] },
    );
    const service = new Service(
      childName(name, "service"),
      { metadata, spec: serviceSpec(r) },
      { parent: this },
    );
    new PodDisruptionBudget(
      childName(name, "pdb"),
      { metadata, spec: disruptionBudgetSpec(r) },
      { parent: this },
    );
    new HorizontalPodAutoscaler(
      childName(name, "hpa"),
      { metadata, spec: autoscalerSpec(r, deployment.metadata.name) },
      { parent: this },
    );
    new NetworkPolicy(
      childName(name, "network-policy"),
      { metadata, spec: networkPolicySpec(r) },
      { parent: this },
    );
    if (r.ingress !== undefined) {
      // With an issuer, the Secret the Ingress names is cert-manager's to fill: the Certificate says so in
      // the graph, instead of a Secret nothing creates.
      const certificate =
        r.ingress.certificateIssuer !== undefined
          ? [new CustomResource(childName(name, "certificate"), certificateArgs(r), { parent: this })]
          : [];
      new Ingress(childName(name, "ingress"), ingressArgs(r, service.metadata.name), {
        parent: this,
        dependsOn: certificate,
      });
    }
    egressPolicy(this, r);

    this.namespace = deployment.metadata.namespace.apply((n) => n ?? "");
    this.deploymentName = deployment.metadata.name;
    this.serviceName = service.metadata.name;
    this.serviceAccountName = sa.metadata.name;
    this.weakened = pulumi.output([...r.weakened]);
    this.registerOutputs({
      namespace: this.namespace,
      deploymentName: this.deploymentName,
      serviceName: this.serviceName,
      serviceAccountName: this.serviceAccountName,
      selector: this.selector,
      host: this.host,
      podPort: this.podPort,
      weakened: this.weakened,
    });
  }

  /**
   * Admits another workload's pods on `port`: an ingress NetworkPolicy `<name>-from-<caller>` in this
   * service's namespace. A workload whose `egress` names this service calls it; call it yourself only for
   * pods Groundwork did not make.
   */
  admitFrom(caller: WorkloadIdentity, port: number = this.podPort): NetworkPolicy {
    return admissionPolicy(
      this,
      { name: this.ownName, selector: this.selector, namespace: this.namespace, metadata: this.ownMetadata },
      caller,
      port,
    );
  }
}
