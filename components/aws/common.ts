// Pieces every AWS component shares: the account context for policy documents, tags with the record
// of weakened defaults (the comparison itself is core's `weakenedAgainstProfile`).
import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { EnvironmentProfile, Tags, Validator, WEAKENED_TAG, knownValue, weakenedValue } from "../core";
import { AwsContext } from "./documents";

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

/**
 * Refuses a given `EncryptionKey` whose policy does not let CloudWatch Logs use it, for components that
 * write log groups with the key: without the grant, log group creation fails at deploy time, far from
 * the cause. Key ARNs cannot be checked here; their policy is the caller's.
 */
export function requireLogsService(
  v: Validator,
  key: { readonly services: readonly string[] } | undefined,
): void {
  if (key !== undefined && !key.services.includes("logs")) {
    v.fail(
      "encryptionKey",
      `EncryptionKey with services [${key.services.join(", ")}]`,
      "does not let CloudWatch Logs use it, but encrypts this component's log groups",
      'an EncryptionKey with services including "logs"',
    );
  }
}

/** The tag set with the weakened defaults recorded (space-separated: commas are not valid in AWS tags). */
export function withWeakened(tags: Tags, weakened: readonly string[]): Tags {
  const value = weakenedValue(weakened);
  return value === undefined ? tags : { ...tags, [WEAKENED_TAG]: value };
}

/**
 * The VPC and subnets a component is placed in: a VPC id, and a known subnet list must span 2 to 16
 * entries (Outputs pass through). `subnetsExpected` says which tier the caller should pass.
 */
export function requireVpcAndSubnets(
  v: Validator,
  vpcId: pulumi.Input<string>,
  subnetIds: pulumi.Input<pulumi.Input<string>[]>,
  subnetsExpected: string,
): void {
  v.required("vpcId", vpcId, "the id of the VPC (vpc-...)");
  v.matches("vpcId", vpcId, /^vpc-[0-9a-f]{8,17}$/, "a VPC id (vpc-...)");
  v.required("subnetIds", subnetIds, subnetsExpected);
  v.stringList("subnetIds", subnetIds, `a list of ${subnetsExpected}`);
  const known = knownValue(subnetIds);
  if (Array.isArray(known)) v.listLength("subnetIds", known, 2, 16);
}

export { outputProperties } from "../core/outputs";

/** What every resolved AWS argument record holds, whatever the component. */
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

/** The common part of a resolved record: the weakenings recorded in the tags the children carry. */
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
    tags: withWeakened(tags.base, sorted),
    callerTags: tags.caller,
    protect,
    weakened: sorted,
  };
}
