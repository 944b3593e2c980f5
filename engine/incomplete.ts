// What the offline engine cannot expand or decide, and what it hands the program instead so that the
// program runs on: remote components (no provider to `Construct` them), invokes with no answer, and
// stack references with no outputs. Each is recorded; the gate's verdict is then "incomplete".
import { IncompleteItem, PropertyValue, UNKNOWN } from "./graph";
import { InvokeContext, InvokeHandler, NoAnswer } from "./invokes";
import { readStackOutputs } from "./pinned";

/** The type token of a stack reference (a read served by the engine's built-in provider). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/**
 * Resources that deploy things no policy can see: the provider expands them at deploy time, out of the
 * engine's sight (a real `pulumi preview --policy-pack` does not see inside them either). Each is checked
 * as the one resource it is, and the check is incomplete, naming it, because what it deploys is not.
 */
export const OPAQUE_TYPES: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Release":
    "Helm v3 release: the Kubernetes provider installs the chart with Helm at deploy time, so none of its objects were checked; use `helm.v3.Chart` (rendered offline with `helm` on PATH) to check them",
  "aws:cloudformation/stack:Stack":
    "CloudFormation stack: CloudFormation creates the template's resources, so none of them were checked",
  "aws:cloudformation/stackSet:StackSet":
    "CloudFormation stack set: CloudFormation creates the template's resources in each target account, so none of them were checked",
  "aws:serverlessrepository/cloudFormationStack:CloudFormationStack":
    "Serverless Application Repository stack: CloudFormation creates the application's resources, so none of them were checked",
  "azure-native:resources:Deployment":
    "ARM template deployment: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentAtScope":
    "ARM template deployment: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentAtSubscriptionScope":
    "ARM template deployment: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentAtManagementGroupScope":
    "ARM template deployment: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentAtTenantScope":
    "ARM template deployment: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentStackAtResourceGroup":
    "deployment stack: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentStackAtSubscription":
    "deployment stack: Azure Resource Manager creates the template's resources, so none of them were checked",
  "azure-native:resources:DeploymentStackAtManagementGroup":
    "deployment stack: Azure Resource Manager creates the template's resources, so none of them were checked",
  "gcp:deploymentmanager/deployment:Deployment":
    "Deployment Manager deployment: Google Cloud creates the configuration's resources, so none of them were checked",
};

/** The incomplete items of one run, without repeats (a loop calling one invoke is listed once). */
export class IncompleteLog {
  readonly items: IncompleteItem[] = [];
  private readonly seen = new Set<string>();

  add(item: IncompleteItem): void {
    const key = JSON.stringify([item.kind, item.urn, item.type, item.reason]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(item);
  }

  /** A remote component: the real engine sends it to its provider's `Construct`, which builds its children. */
  remote(urn: string, type: string): void {
    this.add({
      kind: "remote-component",
      urn,
      type,
      reason:
        "remote component: its provider builds its children (Construct), which cannot run offline, so nothing inside it was checked",
    });
  }

  /** A resource whose contents the provider deploys out of the engine's sight (see {@link OPAQUE_TYPES}). */
  opaque(urn: string, type: string): void {
    const reason = OPAQUE_TYPES[type];
    if (reason) this.add({ kind: "opaque-resource", urn, type, reason });
  }

  /**
   * Answers an invoke. A handler that declines (or none at all) is recorded, and the program gets an
   * empty result: the same `{}` the SDK hands a program whose invoke inputs are unknown in preview.
   */
  invoke(handler: InvokeHandler | undefined, ctx: InvokeContext): Record<string, unknown> {
    try {
      if (!handler) throw new NoAnswer("no offline answer for this invoke; pin one with --invokes FILE");
      return handler(ctx);
    } catch (err) {
      if (!(err instanceof NoAnswer)) throw err;
      this.add({ kind: err.kind, type: ctx.token, reason: err.reason });
      return err.result;
    }
  }

  /**
   * The state of a stack reference read: its outputs from `--stack-outputs DIR`, or, with none, outputs
   * that are unknown in preview (the program runs on, as it does while a stack has no outputs yet) and
   * empty in update, recorded as incomplete either way.
   */
  stackReference(
    urn: string,
    inputs: Record<string, PropertyValue>,
    id: string,
    opts: { readonly dir?: string; readonly preview: boolean },
  ): Record<string, PropertyValue> {
    const name = typeof inputs.name === "string" && inputs.name ? inputs.name : id;
    const outputs = opts.dir ? readStackOutputs(opts.dir, name) : undefined;
    if (outputs) return { ...inputs, name, outputs, secretOutputNames: [], id };
    this.add({
      kind: "stack-reference",
      urn,
      type: STACK_REFERENCE_TYPE,
      reason: opts.dir
        ? `no outputs for stack ${name} in ${opts.dir} (expected ${name}.json)`
        : `no offline outputs for stack ${name}; give them with --stack-outputs DIR (DIR/<stack>.json)`,
    });
    return { ...inputs, name, outputs: opts.preview ? UNKNOWN : {}, secretOutputNames: [], id };
  }
}
