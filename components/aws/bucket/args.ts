// Bucket arguments and their pure resolution: every default applied and every weakening named, before
// anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Tags,
  DerivedName,
  Validator,
  argKeys,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  validateLogRetention,
  validateNameFor,
  weakenedAgainstProfile,
} from "../../core";
import { awsTags } from "../tags";
import { S3_BUCKET_NAME, autoNamed, keyAliasNamed } from "../naming";
import { ResolvedCommon, resolvedCommon } from "../common";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";

/**
 * Arguments of `Bucket`. Any other key is refused (naming the closest valid one). The component name
 * must make valid S3 names of the children Pulumi auto-names from it (`<name>-bucket-` and
 * `<name>-logs-bucket-` plus 7 random characters, at most 63, lowercased: letters, digits, dots and
 * hyphens) and of the key alias of a key it creates; other names are refused before anything registers.
 */
export interface BucketArgs {
  /**
   * Environment profile: decides `protect` on the buckets and key, and the access-log retention.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for the buckets and key. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * Physical bucket name, checked against the S3 naming rules.
   * @default - the component name with a unique suffix (Pulumi auto-naming)
   */
  readonly bucketName?: string;
  /**
   * Customer-managed KMS key for SSE-KMS: an `EncryptionKey` or a key ARN.
   * @default - a new `EncryptionKey` named `<name>-key`
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Name of an existing bucket that receives this bucket's server access logs.
   * @default - a new log bucket named `<name>-logs`
   */
  readonly accessLogBucket?: pulumi.Input<string>;
  /**
   * Server access logging. `false` is a weakened default, recorded in the `groundwork-weakened` tag
   * and the `weakened` output.
   * @default true
   */
  readonly accessLogging?: boolean;
  /**
   * Days a non-current object version is kept before it expires.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Days after which an incomplete multipart upload is aborted.
   * @default 7
   */
  readonly abortIncompleteUploadDays?: number;
  /**
   * Days the log bucket keeps access logs (a CloudWatch-style retention value). Below the profile's is
   * a weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * Pulumi `protect` on the buckets and the key. `false` where the profile protects (prod) is a
   * weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** The keys of {@link BucketArgs}, checked against it by the compiler; any other key is refused. */
export const BUCKET_ARG_KEYS = argKeys<BucketArgs>()([
  "environment",
  "tags",
  "bucketName",
  "encryptionKey",
  "accessLogBucket",
  "accessLogging",
  "noncurrentVersionExpirationDays",
  "abortIncompleteUploadDays",
  "logRetentionDays",
  "protect",
]);

/** Where the access logs go: nowhere (a weakening), a named bucket, or a log bucket the component makes. */
export type AccessLogTarget =
  | { readonly kind: "off" }
  | { readonly kind: "given"; readonly bucketName: pulumi.Input<string> }
  | { readonly kind: "create" };

/** Bucket arguments with every default applied. */
export interface ResolvedBucketArgs extends ResolvedCommon {
  readonly bucketName: string | undefined;
  readonly key: KeyChoice;
  readonly accessLogs: AccessLogTarget;
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteUploadDays: number;
  /** Retention of the access-log bucket the component creates. */
  readonly logRetentionDays: number;
}

function accessLogTarget(v: Validator, args: BucketArgs): AccessLogTarget {
  const accessLogging = v.boolean("accessLogging", args.accessLogging, true);
  if (!accessLogging && args.accessLogBucket !== undefined) {
    v.fail(
      "accessLogBucket",
      args.accessLogBucket,
      "is given while accessLogging is false",
      "accessLogging true, or no accessLogBucket",
    );
  }
  v.stringInput("accessLogBucket", args.accessLogBucket, S3_BUCKET_NAME.description);
  if (typeof args.accessLogBucket === "string")
    validateNameFor(v, "accessLogBucket", S3_BUCKET_NAME, args.accessLogBucket);
  if (!accessLogging) return { kind: "off" };
  return args.accessLogBucket === undefined
    ? { kind: "create" }
    : { kind: "given", bucketName: args.accessLogBucket };
}

/** Resolves Bucket arguments; throws a GroundworkInputError on bad input. */
export function resolveBucketArgs(
  v: Validator,
  args: BucketArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedBucketArgs {
  strictArgs(v, args, BUCKET_ARG_KEYS);
  const baseTags = awsTags(v, { environment: profile.environment, component: "aws.Bucket", tags: args.tags });
  if (args.bucketName !== undefined) validateNameFor(v, "bucketName", S3_BUCKET_NAME, args.bucketName);
  const accessLogs = accessLogTarget(v, args);
  const key = resolveKeyChoice(v, args.encryptionKey, {
    needsLogs: false,
    create: { description: `Encrypts S3 bucket ${v.resourceName}` },
  });
  // The physical names Pulumi makes from the component name, for the children this bucket creates.
  const derived: DerivedName[] = [
    ...(args.bucketName === undefined ? [autoNamed("the bucket", S3_BUCKET_NAME, "bucket", true)] : []),
    ...(accessLogs.kind === "create"
      ? [autoNamed("the log bucket", S3_BUCKET_NAME, "logs-bucket", true)]
      : []),
    ...(key.kind === "create" ? [keyAliasNamed("key")] : []),
  ];
  validateDerivedNames(v, derived);
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
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    bucketName: args.bucketName,
    key,
    accessLogs,
    noncurrentVersionExpirationDays: noncurrentDays,
    abortIncompleteUploadDays: abortDays,
    logRetentionDays: retention,
  };
}
