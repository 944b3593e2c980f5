// The hardened S3 bucket every AWS component builds on (private, owner-enforced, encrypted, versioned,
// TLS-only, lifecycle-managed), and the access-log bucket made from it for S3 and load balancer logs.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import type { input } from "@pulumi/aws/types";
import { Tags, childName, globalFittedNameArg } from "../core";
import { awsContext } from "./common";
import { AwsContext, LogDelivery, logBucketPolicy } from "./documents";
import { S3_BUCKET_NAME, autoNamed } from "./naming";

/** The name S3 gives a bucket `<prefix>-bucket` the provider auto-names. */
const BUCKET_NAMED = autoNamed("the bucket", S3_BUCKET_NAME, "bucket", true);

/** The hardened controls of one bucket that callers wire to. */
export interface BucketParts {
  readonly bucket: s3.Bucket;
  readonly publicAccess: s3.BucketPublicAccessBlock;
  readonly policy: s3.BucketPolicy;
}

/** How one hardened bucket is set up. */
export interface HardenedBucketOptions {
  readonly bucketName?: string;
  readonly tags: Tags;
  readonly protect: boolean;
  readonly encryption: { sseAlgorithm: string; kmsMasterKeyId?: pulumi.Input<string> };
  readonly bucketKey: boolean;
  readonly policy: (arn: string) => pulumi.Input<string>;
  readonly rules: s3.BucketLifecycleConfigurationArgs["rules"];
}

/**
 * One bucket with every control the baseline asks for except access logging, which the caller adds (a
 * log-target bucket cannot log to itself). Children are named `<prefix>-bucket`, `<prefix>-public-access` …
 */
export function hardenedBucket(
  scope: pulumi.Resource,
  prefix: string,
  o: HardenedBucketOptions,
): BucketParts {
  const parent = { parent: scope };
  const bucket = new s3.Bucket(
    childName(prefix, "bucket"),
    {
      // Without a name, a shortened one when the auto-name would pass 63 characters (hashed with the account).
      ...(o.bucketName !== undefined
        ? { bucket: o.bucketName }
        : globalFittedNameArg("bucket", BUCKET_NAMED, prefix, () =>
            awsContext(scope).apply((c) => c.accountId),
          )),
      forceDestroy: false,
      tags: o.tags,
    },
    { parent: scope, protect: o.protect },
  );
  const publicAccess = new s3.BucketPublicAccessBlock(
    childName(prefix, "public-access"),
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    parent,
  );
  new s3.BucketOwnershipControls(
    childName(prefix, "ownership"),
    { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
    parent,
  );
  new s3.BucketServerSideEncryptionConfiguration(
    childName(prefix, "encryption"),
    {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: o.encryption, bucketKeyEnabled: o.bucketKey }],
    },
    parent,
  );
  new s3.BucketVersioning(
    childName(prefix, "versioning"),
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    parent,
  );
  new s3.BucketLifecycleConfiguration(
    childName(prefix, "lifecycle"),
    { bucket: bucket.id, rules: o.rules },
    parent,
  );
  const policy = new s3.BucketPolicy(
    childName(prefix, "policy"),
    { bucket: bucket.id, policy: bucket.arn.apply((arn) => pulumi.output(o.policy(arn))) },
    // A policy written before the public-access block exists can race it; keep them ordered.
    { parent: scope, dependsOn: [publicAccess] },
  );
  return { bucket, publicAccess, policy };
}

type LifecycleRules = s3.BucketLifecycleConfigurationArgs["rules"];

/** One enabled lifecycle rule over the whole bucket. */
function wholeBucketRule(id: string, action: object): input.s3.BucketLifecycleConfigurationRule {
  return { id, status: "Enabled", filter: {}, ...action };
}

/** The lifecycle of a data bucket: old versions expire, incomplete uploads are aborted. */
export function dataBucketRules(noncurrentDays: number, abortDays: number): LifecycleRules {
  return [
    wholeBucketRule("expire-noncurrent-versions", { noncurrentVersionExpiration: { noncurrentDays } }),
    wholeBucketRule("abort-incomplete-uploads", {
      abortIncompleteMultipartUpload: { daysAfterInitiation: abortDays },
    }),
  ];
}

/** The lifecycle of an access-log bucket: logs expire after the retention, old versions after a day. */
export function accessLogRules(retentionDays: number, abortDays: number): LifecycleRules {
  return [
    wholeBucketRule("expire-access-logs", {
      expiration: { days: retentionDays },
      noncurrentVersionExpiration: { noncurrentDays: 1 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: abortDays },
    }),
  ];
}

/**
 * A bucket that receives access logs. S3 server access logs and load balancer logs can only be delivered
 * to a bucket encrypted with SSE-S3 (AWS documents SSE-KMS as unsupported for log targets), so it alone
 * uses AES256; its policy lets exactly the named delivery services write.
 */
export function accessLogBucket(
  scope: pulumi.Resource,
  prefix: string,
  o: {
    readonly tags: Tags;
    readonly protect: boolean;
    readonly retentionDays: number;
    readonly abortDays: number;
    readonly ctx: pulumi.Output<AwsContext>;
    readonly delivery: pulumi.Input<LogDelivery>;
  },
): BucketParts {
  return hardenedBucket(scope, prefix, {
    tags: { ...o.tags, "groundwork-role": "access-logs" },
    protect: o.protect,
    encryption: { sseAlgorithm: "AES256" },
    bucketKey: false,
    policy: (arn) =>
      pulumi.all([o.ctx, o.delivery]).apply(([c, d]) => JSON.stringify(logBucketPolicy(arn, c, d))),
    rules: accessLogRules(o.retentionDays, o.abortDays),
  });
}
