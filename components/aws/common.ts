// Pieces every AWS component shares: the account context for policy documents, tags with the record
// of weakened defaults, and resolution of the `encryptionKey` argument.
import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { EnvironmentProfile, Tags, Validator } from "../core";
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

/**
 * Settings a component derives from the profile and lets the caller override, in their effective form
 * (after defaults and `protect` inheritance). Absent fields are not compared.
 */
export interface ProfileSettings {
  /** A standby in a second zone; weaker when off where the profile wants high availability. */
  readonly multiAz?: boolean;
  /** Database backup retention; weaker below the profile's. */
  readonly backupRetentionDays?: number;
  /** Log retention; weaker below the profile's. */
  readonly logRetentionDays?: number;
  /** Pulumi `protect` on stateful children; weaker when off where the profile protects. */
  readonly protect?: boolean;
  /** Cloud-side deletion protection; weaker when off where the profile turns it on. */
  readonly deletionProtection?: boolean;
  /** Zones spanned; weaker below the profile's zone count. */
  readonly zones?: number;
  /** NAT layout; weaker when it has fewer gateways than the profile's (none < single < perAz). */
  readonly natGateways?: "none" | "single" | "perAz";
  /** Fewest tasks or replicas; weaker below the profile's minimum. */
  readonly minCapacity?: number;
}

const NAT_RANK = { none: 0, single: 1, perAz: 2 } as const;

/**
 * The names of the settings that fall below what the profile gives, sorted. A caller may always be
 * stricter than the profile; anything less is a weakening that must show in the `weakened` output and
 * the `groundwork-weakened` tag, so every component compares through this one function.
 */
export function weakenedAgainstProfile(profile: EnvironmentProfile, s: ProfileSettings): string[] {
  const below: string[] = [];
  if (s.multiAz === false && profile.highAvailability) below.push("multiAz");
  if (s.backupRetentionDays !== undefined && s.backupRetentionDays < profile.backupRetentionDays)
    below.push("backupRetentionDays");
  if (s.logRetentionDays !== undefined && s.logRetentionDays < profile.logRetentionDays)
    below.push("logRetentionDays");
  if (s.protect === false && profile.protect) below.push("protect");
  if (s.deletionProtection === false && profile.deletionProtection) below.push("deletionProtection");
  if (s.zones !== undefined && s.zones < profile.zoneCount) below.push("zones");
  if (s.natGateways !== undefined && NAT_RANK[s.natGateways] < NAT_RANK[profile.natGateways])
    below.push("natGateways");
  if (s.minCapacity !== undefined && s.minCapacity < profile.replicas.min) below.push("minCapacity");
  return below.sort();
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
  return weakened.length === 0 ? tags : { ...tags, [WEAKENED_TAG]: [...weakened].sort().join(" ") };
}

/** The JSON text of a policy document built from Outputs. */
export function policyJson<T>(
  inputs: pulumi.Input<T>,
  build: (resolved: pulumi.Unwrap<T>) => object,
): pulumi.Output<string> {
  return pulumi.output(inputs).apply((v) => JSON.stringify(build(v)));
}
