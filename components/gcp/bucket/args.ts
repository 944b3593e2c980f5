// Bucket arguments and their pure resolution: every default applied and every weakening named, before
// anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  DerivedName,
  Environment,
  EnvironmentProfile,
  Validator,
  argKeys,
  strictArgs,
  validateDerivedNames,
  validateNameFor,
} from "../../core";
import { Labels, ResolvedGcpCommon, resolvedGcpCommon, validateLocation } from "../common";
import { GCS_BUCKET_NAME, gcpAutoNamed } from "../naming";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { AccessLogTarget, BucketSettingArgs, resolveBucketSettings } from "../../core/bucket-settings";

/**
 * Arguments of `Bucket`. Any other key is refused (naming the closest valid one). Without `bucketName`,
 * the component name must make valid bucket names (`<name>-bucket-` and `<name>-logs-` plus 7 random
 * characters: lowercase letters, digits, `-`, `_`, `.`, at most 63).
 */
export interface BucketArgs extends BucketSettingArgs {
  /**
   * Environment profile: decides `protect` on the buckets and key, and the access-log retention.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra labels for the buckets and key. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork labels
   */
  readonly labels?: Labels;
  /**
   * Physical bucket name (global), checked against Cloud Storage's naming rules.
   * @default - the component name with a unique suffix (Pulumi auto-naming)
   */
  readonly bucketName?: string;
  /**
   * Where the bucket lives: a region (`europe-west1`) or multi-region (`eu`). A key the bucket creates
   * is made in the same location; a given key must be in it too.
   * @default - the provider's region (`gcp:region`)
   */
  readonly location?: pulumi.Input<string>;
  /**
   * Customer-managed key (CMEK): an `EncryptionKey` or a crypto key id. The Cloud Storage service agent
   * is granted on it before the bucket is created.
   * @default - a new `EncryptionKey` named `<name>-key` in the bucket's location
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Days a deleted object stays recoverable (soft delete), 7 to 90.
   * @default 7
   */
  readonly softDeleteDays?: number;
}

/** The keys of {@link BucketArgs}, checked against it by the compiler; any other key is refused. */
export const BUCKET_ARG_KEYS = argKeys<BucketArgs>()([
  "environment",
  "labels",
  "bucketName",
  "location",
  "encryptionKey",
  "accessLogBucket",
  "accessLogging",
  "noncurrentVersionExpirationDays",
  "abortIncompleteUploadDays",
  "softDeleteDays",
  "logRetentionDays",
  "protect",
]);

/** Bucket arguments with every default applied. */
export interface ResolvedBucketArgs extends ResolvedGcpCommon {
  readonly bucketName: string | undefined;
  readonly location: pulumi.Input<string> | undefined;
  readonly key: KeyChoice;
  readonly accessLogs: AccessLogTarget;
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteUploadDays: number;
  readonly softDeleteDays: number;
  readonly logRetentionDays: number;
}

/** Resolves Bucket arguments; throws a GroundworkInputError on bad input. */
export function resolveBucketArgs(
  v: Validator,
  args: BucketArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedBucketArgs {
  strictArgs(v, args, BUCKET_ARG_KEYS);
  if (args.bucketName !== undefined) validateNameFor(v, "bucketName", GCS_BUCKET_NAME, args.bucketName);
  validateLocation(v, "location", args.location);
  const settings = resolveBucketSettings(v, args, profile, GCS_BUCKET_NAME, inheritedProtect);
  const accessLogs = settings.accessLogs;
  const key = resolveKeyChoice(v, args.encryptionKey);
  const derived: DerivedName[] = [
    ...(args.bucketName === undefined ? [gcpAutoNamed("the bucket", GCS_BUCKET_NAME, "bucket")] : []),
    ...(accessLogs.kind === "create" ? [gcpAutoNamed("the log bucket", GCS_BUCKET_NAME, "logs")] : []),
  ];
  validateDerivedNames(v, derived);
  const softDeleteDays = v.integer("softDeleteDays", args.softDeleteDays, 7, 90, 7);
  return {
    ...settings,
    ...resolvedGcpCommon(
      v,
      profile,
      { component: "gcp.Bucket", labels: args.labels, protect: settings.protect },
      settings.weakened,
    ),
    bucketName: args.bucketName,
    location: args.location,
    key,
    softDeleteDays,
  };
}
