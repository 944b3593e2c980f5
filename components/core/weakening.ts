// The weakening comparison: which of a component's effective settings fall below what its environment
// profile gives. Every cloud records the answer the same way (a `weakened` output, plus a tag, label or
// annotation on the children), so a reviewer and the policy pack see each weakened default by name.
import { EnvironmentProfile } from "./profiles";
import { Tags } from "./tags";

/** The tag (AWS, Azure), label (Google Cloud) key that lists a component's weakened defaults. */
export const WEAKENED_TAG = "groundwork-weakened";

/** The Kubernetes annotation that lists a component's weakened defaults (annotations allow the spaces). */
export const WEAKENED_ANNOTATION = "groundwork.dev/weakened";

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
 * stricter than the profile; anything less is a weakening that must show in the `weakened` output, so
 * every component of every cloud compares through this one function.
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
 * The value recorded under {@link WEAKENED_TAG} or {@link WEAKENED_ANNOTATION}: the names sorted and
 * space-separated (commas are not valid in AWS tags); undefined when nothing is weakened.
 */
export function weakenedValue(weakened: readonly string[]): string | undefined {
  return weakened.length === 0 ? undefined : [...weakened].sort().join(" ");
}

/**
 * `map` (tags, labels or annotations) with the weakened names recorded under `key` ({@link WEAKENED_TAG}
 * or {@link WEAKENED_ANNOTATION}); the map itself when nothing is weakened, so defaults add no key.
 */
export function withWeakenedRecord(map: Tags, key: string, weakened: readonly string[]): Tags {
  const value = weakenedValue(weakened);
  return value === undefined ? map : { ...map, [key]: value };
}
