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
  strictArgs,
  validateDerivedNames,
  validateNameFor,
} from "../../core";
import { awsTags } from "../tags";
import { S3_BUCKET_NAME, autoNamed, keyAliasNamed } from "../naming";
import { ResolvedCommon, resolvedCommon } from "../common";
import { KeyChoice, resolveKeyChoice } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { AccessLogTarget, BucketSettingArgs, resolveBucketSettings } from "../../core/bucket-settings";

/**
 * Arguments of `Bucket`. Any other key is refused (naming the closest valid one). The component name
 * must make valid S3 names of the children Pulumi auto-names from it (`<name>-bucket-` and
 * `<name>-logs-bucket-` plus 7 random characters, at most 63, lowercased: letters, digits, dots and
 * hyphens) and of the key alias of a key it creates; other names are refused before anything registers.
 */
export interface BucketArgs extends BucketSettingArgs {
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

export { AccessLogTarget } from "../../core/bucket-settings";

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
  const settings = resolveBucketSettings(v, args, profile, S3_BUCKET_NAME, inheritedProtect);
  const accessLogs = settings.accessLogs;
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
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, settings.protect, settings.weakened),
    bucketName: args.bucketName,
    key,
    accessLogs,
    noncurrentVersionExpirationDays: settings.noncurrentVersionExpirationDays,
    abortIncompleteUploadDays: settings.abortIncompleteUploadDays,
    logRetentionDays: settings.logRetentionDays,
  };
}
