// Pieces every Google Cloud component shares: labels with the record of weakened defaults (conformed to
// the label charset), the region a component defaults to, and the common part of a resolved record.
import * as pulumi from "@pulumi/pulumi";
import { getClientConfigOutput } from "@pulumi/gcp/organizations/getClientConfig";
import { EnvironmentProfile, Tags, Validator, WEAKENED_TAG } from "../core";
import { gcpLabels } from "./labels";

export { outputProperties } from "../core/component";

/** Google Cloud labels: the `tags` word of the other clouds. */
export type Labels = Tags;

/**
 * The value of the `groundwork-weakened` label: each weakened name in kebab case (`accessLogging` →
 * `access-logging`), joined by `_`, since label values allow neither spaces nor capitals. Undefined
 * when nothing is weakened, so defaults add no label.
 */
export function weakenedLabelValue(weakened: readonly string[]): string | undefined {
  if (weakened.length === 0) return undefined;
  const kebab = [...weakened].sort().map((w) => w.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  return kebab.join("_").slice(0, 63);
}

/** The label set with the weakened defaults recorded under {@link WEAKENED_TAG}. */
export function withWeakenedLabel(labels: Labels, weakened: readonly string[]): Labels {
  const value = weakenedLabelValue(weakened);
  return value === undefined ? labels : { ...labels, [WEAKENED_TAG]: value };
}

/** What every resolved Google Cloud argument record holds, whatever the component. */
export interface ResolvedGcpCommon {
  readonly profile: EnvironmentProfile;
  /** The labels of every labelled child, with the weakened defaults recorded. */
  readonly labels: Labels;
  /** The caller's own labels, handed to a key the component creates (which records its own weakenings). */
  readonly callerLabels: Labels | undefined;
  /** Pulumi `protect` on the stateful children. */
  readonly protect: boolean;
  /** The defaults the caller weakened, by name, sorted. */
  readonly weakened: string[];
}

/**
 * The common part of a resolved record: the standard labels conformed to Google Cloud's rules, with the
 * weakenings recorded in them. `component` is the user-facing type (`gcp.Bucket`).
 */
export function resolvedGcpCommon(
  v: Validator,
  profile: EnvironmentProfile,
  o: { readonly component: string; readonly labels: Labels | undefined; readonly protect: boolean },
  weakened: readonly string[],
): ResolvedGcpCommon {
  const base = gcpLabels(v, { environment: profile.environment, component: o.component, tags: o.labels });
  // Sorted once here, so the label and the `weakened` output list the same names in the same order.
  const sorted = [...weakened].sort();
  return {
    profile,
    labels: withWeakenedLabel(base, sorted),
    callerLabels: o.labels,
    protect: o.protect,
    weakened: sorted,
  };
}

/**
 * The resources a component's own `dependsOn` names (the project's APIs, say), for its children. Pulumi
 * holds a component's registration on them but sends each child's `dependsOn` alone, so without this a
 * child of a component that "depends on" the APIs is created in parallel with them. Google Cloud
 * components pass these to every child they create, nested components included.
 */
export function dependsOnOf(opts: pulumi.ResourceOptions | undefined): pulumi.Input<pulumi.Resource>[] {
  const d = opts?.dependsOn;
  if (d === undefined) return [];
  // An Output of a list is kept whole: the SDK gathers dependencies through Outputs and nested lists.
  return Array.isArray(d)
    ? [...(d as pulumi.Input<pulumi.Resource>[])]
    : [d as pulumi.Input<pulumi.Resource>];
}

/** Options of a child: parented to `parent`, created after `after` and what `o` names. */
export function childOptions<O extends pulumi.ResourceOptions>(
  parent: pulumi.Resource,
  after: readonly pulumi.Input<pulumi.Resource>[],
  o?: O,
): O & { parent: pulumi.Resource; dependsOn: pulumi.Input<pulumi.Resource>[] } {
  return { ...(o as O), parent, dependsOn: [...after, ...dependsOnOf(o)] };
}

/**
 * The region a component's children land in: the caller's, else the provider's (`gcp:region`), asked
 * through the component so an explicit provider answers.
 */
export function regionOf(
  parent: pulumi.Resource,
  region: pulumi.Input<string> | undefined,
): pulumi.Output<string> {
  if (region !== undefined) return pulumi.output(region);
  return getClientConfigOutput({ parent }).region;
}
