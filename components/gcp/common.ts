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

/** A Google Cloud region or location name (`europe-west1`, `us`, `eu`, `nam4`). */
export const GCP_LOCATION = /^[a-z]+(?:-[a-z]+[0-9]+)?$|^[a-z]+[0-9]+$/;

/** Checks a `region`/`location` argument when known; Outputs pass through. */
export function validateLocation(v: Validator, field: string, value: pulumi.Input<string> | undefined): void {
  v.stringInput(field, value, "a Google Cloud region such as europe-west1");
  v.matches(field, value, GCP_LOCATION, "a Google Cloud region or location such as europe-west1");
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
