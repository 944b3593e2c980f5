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
import { Labels, ResolvedGcpCommon, resolvedGcpCommon } from "../common";
import { validateStorageLocation } from "../locations";
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
   * Where the bucket lives, one of Cloud Storage's locations (`GCS_LOCATIONS`, any case): a region
   * (`europe-west1`), a dual-region (`EUR4`) or a multi-region (`EU`). A key the bucket creates goes to
   * the Cloud KMS location that serves it (`europe` for `EU`, the region itself for a regional bucket); a
   * given key must be there too, which is checked when both are known. Fixed at creation: a new location
   * is a new bucket, and the old one (with its objects) is deleted, which `forceDestroy: false` refuses
   * while it holds objects and `protect` refuses in prod. Move data with Storage Transfer Service instead.
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
  /**
   * Usage logs; `false` is a weakened default. The `<name>-logs` bucket the component makes is written by
   * Cloud Storage as `group:cloud-storage-analytics@google.com`, granted `roles/storage.objectCreator` on it
   * (https://cloud.google.com/storage/docs/access-logs). Organisations that enforce Domain Restricted
   * Sharing (`iam.allowedPolicyMemberDomains`) refuse that grant, since the group is not in their domain
   * (https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains): there, name a
   * central log bucket that may take it (`accessLogBucket`, in a project the policy exempts), or turn usage
   * logs off and rely on Cloud Audit Logs' Data Access logs for Cloud Storage, which Google recommends in
   * most cases and which are switched on per project, folder or organisation, not per bucket
   * (docs/adr/0010-gcs-usage-logs-under-domain-restricted-sharing.md).
   * @default true
   */
  readonly accessLogging?: boolean;
  /**
   * An existing bucket, by name, that receives this bucket's usage logs; the component grants nothing on
   * it (its owner has granted `group:cloud-storage-analytics@google.com` object create already), which is
   * the path for organisations that enforce Domain Restricted Sharing.
   * @default - a new `<name>-logs` bucket
   */
  readonly accessLogBucket?: pulumi.Input<string>;
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
  validateStorageLocation(v, "location", args.location);
  const settings = resolveBucketSettings(v, args, profile, GCS_BUCKET_NAME, inheritedProtect);
  const accessLogs = settings.accessLogs;
  const key = resolveKeyChoice(v, args.encryptionKey, "storage", args.location);
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
