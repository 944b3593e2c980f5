// Pieces every AWS component shares: the account context for policy documents, tags with the record
// of weakened defaults, and resolution of the `encryptionKey` argument.
import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { Tags } from "../core";
import { AwsContext } from "./documents";

/** Tag key listing the defaults a caller weakened by name, so a weakening is visible on every child. */
export const WEAKENED_TAG = "groundwork-weakened";

// One lookup per program run and provider: every component of a run asks the same question, and each
// invoke costs about as much as registering a resource. Keyed by the run's root stack resource, so two
// programs synthesized in one process never share an answer.
const contextCache = new WeakMap<
  object,
  Map<pulumi.ProviderResource | undefined, pulumi.Output<AwsContext>>
>();

/**
 * The account, partition and region the component's resources land in. The invokes go through the
 * component (`parent`), so an explicit provider for another account or region answers them.
 */
export function awsContext(parent: pulumi.Resource): pulumi.Output<AwsContext> {
  const provider = parent.getProvider("aws::getCallerIdentity");
  const stack = pulumi.runtime.getStackResource();
  const perRun = stack ? (contextCache.get(stack) ?? new Map()) : undefined;
  if (stack && perRun && !contextCache.has(stack)) contextCache.set(stack, perRun);
  const cached = perRun?.get(provider);
  if (cached) return cached;
  const opts = { parent };
  const ctx = pulumi
    .all([getCallerIdentityOutput({}, opts), getPartitionOutput({}, opts), getRegionOutput({}, opts)])
    .apply(([identity, partition, region]) => ({
      accountId: identity.accountId,
      partition: partition.partition,
      region: region.region ?? region.name,
    }));
  perRun?.set(provider, ctx);
  return ctx;
}

/** The tag set with the weakened defaults recorded (space-separated: commas are not valid in AWS tags). */
export function withWeakened(tags: Tags, weakened: readonly string[]): Tags {
  return weakened.length === 0 ? tags : { ...tags, [WEAKENED_TAG]: [...weakened].sort().join(" ") };
}

/** The JSON text of a policy document built from Outputs. */
export function policyJson<T>(
  inputs: pulumi.Input<T>,
  build: (resolved: pulumi.Unwrap<T>) => object,
): pulumi.Output<string> {
  return pulumi.output(inputs).apply((v) => JSON.stringify(build(v)));
}
