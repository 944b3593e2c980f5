// What every cloud's components share once arguments are resolved: the common part of a resolved record
// (profile, tags with the weakened record, protect), the Output properties a component registers, and a
// per-run cache for the context lookups (account, subscription) every component of a run asks for.
import * as pulumi from "@pulumi/pulumi";
import { EnvironmentProfile } from "./profiles";
import { Tags } from "./tags";
import { WEAKENED_TAG, withWeakenedRecord } from "./weakening";

/**
 * The Output properties a component declares, for `registerOutputs`: what callers read is what is
 * recorded. The SDK's own (`urn`, `__…`) are left out.
 */
export function outputProperties(
  component: pulumi.ComponentResource,
): Record<string, pulumi.Output<unknown>> {
  return Object.fromEntries(
    Object.entries(component).filter(
      ([key, value]) => key !== "urn" && !key.startsWith("__") && pulumi.Output.isInstance(value),
    ),
  );
}

/** What every resolved argument record holds, whatever the component and cloud. */
export interface ResolvedCommon {
  readonly profile: EnvironmentProfile;
  /** The tags of every child, with the weakened defaults recorded. */
  readonly tags: Tags;
  /** The caller's own tags, handed to a key the component creates (which records its own weakenings). */
  readonly callerTags: Tags | undefined;
  /** Pulumi `protect` on the stateful children. */
  readonly protect: boolean;
  /** The defaults the caller weakened, by name, sorted. */
  readonly weakened: string[];
}

/**
 * The common part of a resolved record: the weakenings recorded under {@link WEAKENED_TAG} in the tags
 * the children carry (space-separated: commas are not valid in AWS tags).
 */
export function resolvedCommon(
  profile: EnvironmentProfile,
  tags: { readonly base: Tags; readonly caller: Tags | undefined },
  protect: boolean,
  weakened: readonly string[],
): ResolvedCommon {
  // Sorted once here, so the tag and the `weakened` output list the same names in the same order.
  const sorted = [...weakened].sort();
  return {
    profile,
    tags: withWeakenedRecord(tags.base, WEAKENED_TAG, sorted),
    callerTags: tags.caller,
    protect,
    weakened: sorted,
  };
}

// Keyed by the run's root stack resource, so two programs synthesized in one process never share an
// answer; within a run, by the lookup's name and the provider that answers it.
const runCache = new WeakMap<object, Map<string, Map<pulumi.ProviderResource | undefined, unknown>>>();

/**
 * One lookup per program run, lookup and provider: every component of a run asks the same question,
 * and each invoke costs about as much as registering a resource. Outside a run, `make` runs each time.
 */
export function perRun<T>(lookup: string, provider: pulumi.ProviderResource | undefined, make: () => T): T {
  const stack = pulumi.runtime.getStackResource();
  if (!stack) return make();
  const byLookup =
    runCache.get(stack) ?? new Map<string, Map<pulumi.ProviderResource | undefined, unknown>>();
  runCache.set(stack, byLookup);
  const byProvider = byLookup.get(lookup) ?? new Map<pulumi.ProviderResource | undefined, unknown>();
  byLookup.set(lookup, byProvider);
  if (!byProvider.has(provider)) byProvider.set(provider, make());
  return byProvider.get(provider) as T;
}
