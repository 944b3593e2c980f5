// A hardened scheduled job: CronJob (batch/v1), ServiceAccount and egress by intent.
import * as pulumi from "@pulumi/pulumi";
import { CronJob as K8sCronJob } from "@pulumi/kubernetes/batch/v1";
import { ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { childName } from "../../core/naming";
import { resolveProfile } from "../../core/profiles";
import { Tags } from "../../core/tags";
import { Validator } from "../../core/validate";
import { workloadMetadata } from "../workload/base";
import { egressPolicy } from "../workload/policies";
import { CronJobArgs, cronJobSpec, resolveCronJobArgs } from "./args";

export { CronJobArgs } from "./args";

/**
 * A scheduled batch job on Kubernetes with every workload control: the hardened pod (PSS restricted,
 * non-root, read-only root filesystem, no ServiceAccount token, requests and limits), its own
 * ServiceAccount, one run at a time, a deadline and bounded retries, history and a time to live from the
 * profile, an explicit time zone, and egress by intent. Every object is named after the component.
 */
export class CronJob extends pulumi.ComponentResource {
  /** Namespace the objects live in. */
  readonly namespace: pulumi.Output<string>;
  /** Name of the CronJob (each run's Job is `<name>-<minutes since epoch>`). */
  readonly cronJobName: pulumi.Output<string>;
  /** Name of the workload's own ServiceAccount. */
  readonly serviceAccountName: pulumi.Output<string>;
  /** Labels selecting the job's pods. */
  readonly selector: Tags;
  /** Defaults the caller weakened, by argument name; empty when none. */
  readonly weakened: pulumi.Output<string[]>;

  constructor(name: string, args: CronJobArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("kubernetes.CronJob", name);
    const r = resolveCronJobArgs(v, args, resolveProfile(v, args?.environment));
    super("groundwork:kubernetes:CronJob", name, {}, opts);

    this.selector = r.selector;
    const metadata = workloadMetadata(r);
    const sa = new ServiceAccount(
      childName(name, "service-account"),
      { metadata, automountServiceAccountToken: r.automountServiceAccountToken },
      { parent: this },
    );
    const job = new K8sCronJob(
      childName(name, "cronjob"),
      { metadata, spec: cronJobSpec(r, sa.metadata.name) },
      { parent: this },
    );
    egressPolicy(this, r);

    this.namespace = job.metadata.namespace.apply((n) => n ?? "");
    this.cronJobName = job.metadata.name;
    this.serviceAccountName = sa.metadata.name;
    this.weakened = pulumi.output([...r.weakened]);
    this.registerOutputs({
      namespace: this.namespace,
      cronJobName: this.cronJobName,
      serviceAccountName: this.serviceAccountName,
      selector: this.selector,
      weakened: this.weakened,
    });
  }
}
