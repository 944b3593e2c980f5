// A hardened long-running consumer: Deployment, ServiceAccount, PodDisruptionBudget, HPA (CPU or an
// external metric) and egress by intent; no Service, and no caller admitted unless one names it.
import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "@pulumi/kubernetes/apps/v1";
import { HorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2";
import { ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import { PodDisruptionBudget } from "@pulumi/kubernetes/policy/v1";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { childName } from "../../core/naming";
import { resolveProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { Validator } from "../../core/validate";
import { EgressWorkload, WorkloadIdentity } from "../egress";
import { rollingDeploymentSpec, workloadMetadata } from "../workload/base";
import { admissionPolicy, egressPolicy } from "../workload/policies";
import { ResolvedWorker, WorkerArgs, resolveWorkerArgs } from "./args";

export { ExternalMetricArgs, WorkerArgs } from "./args";

// A consumer has no traffic to keep: replace one pod at a time, never running below the floor.
function deploymentSpec(
  r: ResolvedWorker,
  serviceAccountName: pulumi.Input<string>,
): k8s.apps.v1.DeploymentSpec {
  return rollingDeploymentSpec(r, serviceAccountName, {
    terminationGracePeriodSeconds: r.terminationGracePeriodSeconds,
  });
}

/**
 * A long-running consumer on Kubernetes (a queue worker): the WebService's pod hardening (PSS restricted,
 * non-root, read-only root filesystem, no ServiceAccount token, requests and limits, probes), replicas
 * and a disruption budget from the profile, topology spread, and an autoscaler on CPU or on an external
 * metric. It has no Service; what it may reach is named in `egress`. Every object is named after the
 * component.
 */
export class Worker extends pulumi.ComponentResource implements EgressWorkload {
  /** Namespace the objects live in. */
  readonly namespace: pulumi.Output<string>;
  /** Name of the Deployment. */
  readonly deploymentName: pulumi.Output<string>;
  /** Name of the workload's own ServiceAccount. */
  readonly serviceAccountName: pulumi.Output<string>;
  /** Labels selecting the pods. */
  readonly selector: Tags;
  /** The main container's port, when it listens on one (another workload's egress may then name it). */
  readonly podPort?: number;
  /** Defaults the caller weakened, by argument name; empty when none. */
  readonly weakened: pulumi.Output<string[]>;

  private readonly ownName: string;
  private readonly ownMetadata: k8s.meta.v1.ObjectMeta;

  constructor(name: string, args: WorkerArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.Worker", name);
    const r = resolveWorkerArgs(v, args, resolveProfile(v, args?.environment));
    super("groundwork:kubernetes:Worker", name, {}, opts);

    this.ownName = name;
    this.selector = r.selector;
    this.podPort = r.mainPort;
    const metadata = workloadMetadata(r);
    this.ownMetadata = metadata;
    const sa = new ServiceAccount(
      childName(name, "service-account"),
      { metadata, automountServiceAccountToken: r.automountServiceAccountToken },
      { parent: this },
    );
    const deployment = new Deployment(
      childName(name, "deployment"),
      { metadata, spec: deploymentSpec(r, sa.metadata.name) },
      // The autoscaler owns the count after the first rollout (see WebService).
      { parent: this, ignoreChanges: ["spec.replicas"] },
    );
    new PodDisruptionBudget(
      childName(name, "pdb"),
      {
        metadata,
        spec: {
          selector: { matchLabels: r.selector },
          ...(r.minReplicas >= 2 ? { minAvailable: r.minReplicas - 1 } : { maxUnavailable: 1 }),
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
          minReplicas: r.minReplicas,
          maxReplicas: r.maxReplicas,
          metrics: r.metrics,
        },
      },
      { parent: this },
    );
    egressPolicy(this, r);

    this.namespace = deployment.metadata.namespace.apply((n) => n ?? "");
    this.deploymentName = deployment.metadata.name;
    this.serviceAccountName = sa.metadata.name;
    this.weakened = pulumi.output([...r.weakened]);
    this.registerOutputs({
      namespace: this.namespace,
      deploymentName: this.deploymentName,
      serviceAccountName: this.serviceAccountName,
      selector: this.selector,
      podPort: this.podPort,
      weakened: this.weakened,
    });
  }

  /**
   * Admits another workload's pods on `port` (a worker that serves, say, a metrics or admin port):
   * `<name>-from-<caller>` in this worker's namespace.
   */
  admitFrom(caller: WorkloadIdentity, port: number): NetworkPolicy {
    return admissionPolicy(
      this,
      { name: this.ownName, selector: this.selector, namespace: this.namespace, metadata: this.ownMetadata },
      caller,
      port,
    );
  }
}
