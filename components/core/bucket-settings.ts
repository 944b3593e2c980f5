// The settings every cloud's Bucket shares, resolved once: where access logs go, how long non-current
// versions and incomplete uploads live, log retention, `protect`, and which of them are weakenings.
// Each cloud's `resolve…BucketArgs` adds its own (names, keys) around this.
import * as pulumi from "@pulumi/pulumi";
import { NameRule, validateNameFor } from "./naming";
import { EnvironmentProfile, protectStateful } from "./profiles";
import { Validator, validateLogRetention } from "./validate";
import { weakenedAgainstProfile } from "./weakening";

/** Where the access logs go: nowhere (a weakening), a named bucket, or a log bucket the component makes. */
export type AccessLogTarget =
  | { readonly kind: "off" }
  | { readonly kind: "given"; readonly bucketName: pulumi.Input<string> }
  | { readonly kind: "create" };

/**
 * The arguments every Bucket takes, whatever the cloud. A weakened default is recorded in the cloud's
 * `groundwork-weakened` tag or label and in the `weakened` output.
 */
export interface BucketSettingArgs {
  /** An existing bucket, by name, that receives this bucket's access logs. @default - a new `<name>-logs` bucket */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Access logging; `false` is a weakened default. @default true */
  readonly accessLogging?: boolean;
  /** Days a non-current object version is kept. @default 90 */
  readonly noncurrentVersionExpirationDays?: number;
  /** Days before an incomplete multipart upload is aborted. @default 7 */
  readonly abortIncompleteUploadDays?: number;
  /**
   * Days the log bucket keeps access logs; below the profile's is a weakened default.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Pulumi `protect` on the buckets and key; `false` where the profile protects (prod) is a weakened
   * default. @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The shared settings resolved, with the weakenings they make. */
export interface BucketSettings {
  readonly accessLogs: AccessLogTarget;
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteUploadDays: number;
  /** Retention of the access-log bucket the component creates. */
  readonly logRetentionDays: number;
  readonly protect: boolean;
  readonly weakened: string[];
}

function accessLogTarget(v: Validator, args: BucketSettingArgs, rule: NameRule): AccessLogTarget {
  const accessLogging = v.boolean("accessLogging", args.accessLogging, true);
  if (!accessLogging && args.accessLogBucket !== undefined) {
    v.fail(
      "accessLogBucket",
      args.accessLogBucket,
      "is given while accessLogging is false",
      "accessLogging true, or no accessLogBucket",
    );
  }
  v.stringInput("accessLogBucket", args.accessLogBucket, rule.description);
  if (typeof args.accessLogBucket === "string")
    validateNameFor(v, "accessLogBucket", rule, args.accessLogBucket);
  if (!accessLogging) return { kind: "off" };
  return args.accessLogBucket === undefined
    ? { kind: "create" }
    : { kind: "given", bucketName: args.accessLogBucket };
}

/** Resolves the shared Bucket settings; `rule` is the cloud's bucket name rule (for `accessLogBucket`). */
export function resolveBucketSettings(
  v: Validator,
  args: BucketSettingArgs,
  profile: EnvironmentProfile,
  rule: NameRule,
  inheritedProtect?: boolean,
): BucketSettings {
  const accessLogs = accessLogTarget(v, args, rule);
  const noncurrentDays = v.integer(
    "noncurrentVersionExpirationDays",
    args.noncurrentVersionExpirationDays,
    1,
    3650,
    90,
  );
  const abortDays = v.integer("abortIncompleteUploadDays", args.abortIncompleteUploadDays, 1, 365, 7);
  const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  const weakened = [
    ...(accessLogs.kind === "off" ? ["accessLogging"] : []),
    // Retention only acts on a log bucket this component creates.
    ...weakenedAgainstProfile(profile, {
      protect,
      ...(accessLogs.kind === "create" ? { logRetentionDays: retention } : {}),
    }),
  ];
  return {
    accessLogs,
    noncurrentVersionExpirationDays: noncurrentDays,
    abortIncompleteUploadDays: abortDays,
    logRetentionDays: retention,
    protect,
    weakened,
  };
}
