// EncryptionKey arguments and their pure resolution: every default applied and every weakening named,
// before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  DerivedName,
  Environment,
  EnvironmentProfile,
  Validator,
  argKeys,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  weakenedAgainstProfile,
} from "../../core";
import { Labels, ResolvedGcpCommon, resolvedGcpCommon } from "../common";
import { validateKmsLocation } from "../locations";
import { SERVICE_AGENTS, ServiceAgent } from "../agents";
import { GCP_KMS_NAME, gcpAutoNamed } from "../naming";

export interface EncryptionKeyArgs {
  /**
   * Environment profile: decides `protect` and prevent-destroy on the key ring and key.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra labels for the key, conformed to Google Cloud's label rules. `environment`, `managed-by` and
   * `component` are always set.
   * @default - only the Groundwork labels
   */
  readonly labels?: Labels;
  /**
   * The key ring's location, one of Cloud KMS's (`KMS_LOCATIONS`): a region, a multi-region (`europe`,
   * `us`, `asia`; Cloud KMS has no `eu`) or a dual-region. It must serve what the key encrypts: a bucket in
   * `EU` needs a key in `europe`, a regional bucket, Cloud SQL instance or Cloud Run service a key in its
   * region; the components check this when both are known. Fixed at creation: a new location is a new key
   * ring and key (the old key's versions are destroyed when it is deleted, which `protect` refuses in
   * prod), so keep the old key until what it encrypted is re-encrypted.
   * @default - the provider's region (`gcp:region`)
   */
  readonly location?: pulumi.Input<string>;
  /**
   * Days between automatic rotations, 1 to 90 [CKV_GCP_43].
   * @default 90
   */
  readonly rotationPeriodDays?: number;
  /**
   * Days a key version stays scheduled for destruction before it is destroyed, 1 to 120. Below 30 is a
   * weakened default, recorded in the `groundwork-weakened` label and the `weakened` output. Cloud KMS
   * fixes it when the key is created (`destroyScheduledDuration` forces a new key, and with it everything
   * the key encrypts), so the key ignores later changes: a new value applies to keys created from then on.
   * To give an existing key another window, create a new `EncryptionKey` and move the data to it.
   * @default 30
   */
  readonly deletionWindowDays?: number;
  /**
   * Google services whose agents may encrypt and decrypt with the key: `"storage"`, `"sql"`, `"run"`,
   * `"container"` (GKE Secrets), `"compute"` (disks).
   * Components that use a key grant their own agent; this is for keys used by raw resources.
   * @default - none
   */
  readonly services?: ServiceAgent[];
  /**
   * Pulumi `protect` and the provider's prevent-destroy on the key ring and key. `false` where the
   * profile protects (prod) is a weakened default, recorded in the `groundwork-weakened` label and the
   * `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link EncryptionKeyArgs}, checked against it by the compiler; any other key is refused. */
export const ENCRYPTION_KEY_ARG_KEYS = argKeys<EncryptionKeyArgs>()([
  "environment",
  "labels",
  "location",
  "rotationPeriodDays",
  "deletionWindowDays",
  "services",
  "protect",
]);

/** EncryptionKey arguments with every default applied. */
export interface ResolvedEncryptionKeyArgs extends ResolvedGcpCommon {
  readonly location: pulumi.Input<string> | undefined;
  readonly rotationPeriodDays: number;
  readonly deletionWindowDays: number;
  readonly services: ServiceAgent[];
}

/**
 * The key ring's and key's physical names (auto-named `<name>-ring-` and `<name>-cmk-` plus 7 random
 * characters); `keyName` turns a consumer's name into the name of the key it creates (`<name>-key`).
 */
export function keyNamed(keyName: (name: string) => string = (n) => n): DerivedName[] {
  return [
    gcpAutoNamed("the key ring", GCP_KMS_NAME, "ring"),
    gcpAutoNamed("the crypto key", GCP_KMS_NAME, "cmk"),
  ].map((d) => ({ ...d, prefix: (n: string) => d.prefix(keyName(n)) }));
}

/** Resolves EncryptionKey arguments; throws a GroundworkInputError on bad input. */
export function resolveEncryptionKeyArgs(
  v: Validator,
  args: EncryptionKeyArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedEncryptionKeyArgs {
  strictArgs(v, args, ENCRYPTION_KEY_ARG_KEYS);
  validateDerivedNames(v, keyNamed());
  validateKmsLocation(v, "location", args.location);
  const rotation = v.integer("rotationPeriodDays", args.rotationPeriodDays, 1, 90, 90);
  const window = v.integer("deletionWindowDays", args.deletionWindowDays, 1, 120, 30);
  const services = args.services ?? [];
  if (!Array.isArray(services))
    v.fail("services", services, "is not a list", `a list of ${SERVICE_AGENTS.join(", ")}`);
  services.forEach((s, i) => v.oneOf(`services[${i}]`, s, SERVICE_AGENTS));
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  // A destroy window under 30 days is Google's own default undercut: recorded with the profile's.
  const weakened = weakenedAgainstProfile(profile, { protect }).concat(
    window < 30 ? ["deletionWindowDays"] : [],
  );
  return {
    ...resolvedGcpCommon(
      v,
      profile,
      { component: "gcp.EncryptionKey", labels: args.labels, protect },
      weakened,
    ),
    location: args.location,
    rotationPeriodDays: rotation,
    deletionWindowDays: window,
    services: [...new Set(services)],
  };
}
