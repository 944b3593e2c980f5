// Bucket: an S3 bucket that is private, owner-enforced, KMS-encrypted with bucket keys, TLS-only,
// versioned, access-logged and lifecycle-managed, with grants that include its key.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import * as iam from "@pulumi/aws/iam";
import {
  Environment,
  Tags,
  Validator,
  childName,
  protectStateful,
  resolveProfile,
  validateLogRetention,
  validateName,
  weakenedAgainstProfile,
} from "../core";
import { awsTags } from "./tags";
import { awsContext, withWeakened } from "./common";
import { bucketReadPolicy, bucketWritePolicy, logBucketPolicy, tlsOnlyBucketPolicy } from "./documents";
import { EncryptionKey } from "./kms";

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

/** The hardened controls shared by the data bucket and its log bucket. */
export interface BucketParts {
  readonly bucket: s3.Bucket;
  readonly publicAccess: s3.BucketPublicAccessBlock;
  readonly policy: s3.BucketPolicy;
}

/** A private, encrypted, versioned, logged S3 bucket. */
export class Bucket extends pulumi.ComponentResource {
  /** The bucket name (its id). */
  public readonly bucketName: pulumi.Output<string>;
  /** The bucket ARN. */
  public readonly arn: pulumi.Output<string>;
  /** ARN of the KMS key that encrypts the bucket. */
  public readonly keyArn: pulumi.Output<string>;
  /** Name of the bucket receiving access logs; undefined when access logging is off. */
  public readonly logBucketName: pulumi.Output<string | undefined>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw bucket, for arguments that need the resource. */
  public readonly bucket: s3.Bucket;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;

  private readonly resourceName: string;

  constructor(name: string, args: BucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.Bucket", name);
    const profile = resolveProfile(v, args.environment);
    const baseTags = awsTags(v, {
      environment: profile.environment,
      component: "aws.Bucket",
      tags: args.tags,
    });
    if (args.bucketName !== undefined) validateName(v, "bucketName", "s3Bucket", args.bucketName);
    const accessLogging = v.boolean("accessLogging", args.accessLogging, true);
    if (!accessLogging && args.accessLogBucket !== undefined) {
      v.fail(
        "accessLogBucket",
        args.accessLogBucket,
        "is given while accessLogging is false",
        "accessLogging true, or no accessLogBucket",
      );
    }
    if (typeof args.accessLogBucket === "string")
      validateName(v, "accessLogBucket", "s3Bucket", args.accessLogBucket);
    if (typeof args.encryptionKey === "string") {
      v.matches(
        "encryptionKey",
        args.encryptionKey,
        /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
        "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or an EncryptionKey",
      );
    }
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
      opts?.protect,
    );
    const ownLogBucket = accessLogging && args.accessLogBucket === undefined;
    const weakened = [
      ...(accessLogging ? [] : ["accessLogging"]),
      // Retention only acts on a log bucket this component creates.
      ...weakenedAgainstProfile(profile, {
        protect,
        ...(ownLogBucket ? { logRetentionDays: retention } : {}),
      }),
    ].sort();
    const tags = withWeakened(baseTags, weakened);

    super("groundwork:aws:Bucket", name, {}, opts);
    this.resourceName = name;

    let keyArn: pulumi.Output<string>;
    if (args.encryptionKey === undefined) {
      this.encryptionKey = new EncryptionKey(
        childName(name, "key"),
        {
          environment: profile.environment,
          tags: args.tags,
          description: `Encrypts S3 bucket ${name}`,
          protect,
        },
        { parent: this },
      );
      keyArn = this.encryptionKey.arn;
    } else if (args.encryptionKey instanceof EncryptionKey) {
      keyArn = args.encryptionKey.arn;
    } else {
      keyArn = pulumi.output(args.encryptionKey);
    }
    const ctx = awsContext(this);

    let logBucketName: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (accessLogging && args.accessLogBucket !== undefined) {
      logBucketName = pulumi.output(args.accessLogBucket);
    } else if (accessLogging) {
      // S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (AWS documents
      // SSE-KMS as unsupported for log targets), so the log bucket alone uses AES256.
      const logs = hardenedBucket(this, childName(name, "logs"), {
        tags: { ...tags, "groundwork-role": "access-logs" },
        protect,
        encryption: { sseAlgorithm: "AES256" },
        bucketKey: false,
        policy: (arn) =>
          ctx.apply((c) => JSON.stringify(logBucketPolicy(arn, c, { s3ServerAccessLogs: true }))),
        rules: [
          {
            id: "expire-access-logs",
            status: "Enabled",
            filter: {},
            expiration: { days: retention },
            noncurrentVersionExpiration: { noncurrentDays: 1 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: abortDays },
          },
        ],
      });
      logBucketName = logs.bucket.bucket;
    }

    const main = hardenedBucket(this, name, {
      bucketName: args.bucketName,
      tags,
      protect,
      encryption: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn },
      bucketKey: true,
      policy: (arn) => JSON.stringify(tlsOnlyBucketPolicy(arn)),
      rules: [
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: noncurrentDays },
        },
        {
          id: "abort-incomplete-uploads",
          status: "Enabled",
          filter: {},
          abortIncompleteMultipartUpload: { daysAfterInitiation: abortDays },
        },
      ],
    });
    this.bucket = main.bucket;
    if (accessLogging) {
      new s3.BucketLogging(
        childName(name, "logging"),
        {
          bucket: main.bucket.id,
          targetBucket: logBucketName.apply((n) => n ?? ""),
          targetPrefix: `${name}/`,
          targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        },
        { parent: this },
      );
    }

    this.bucketName = main.bucket.bucket;
    this.arn = main.bucket.arn;
    this.keyArn = keyArn;
    this.logBucketName = logBucketName;
    this.weakened = pulumi.output(weakened);
    this.registerOutputs({
      bucketName: this.bucketName,
      arn: this.arn,
      keyArn: this.keyArn,
      logBucketName: this.logBucketName,
      weakened: this.weakened,
    });
  }

  /** Lets a role list and read objects, and decrypt them with the bucket's key. */
  grantRead(role: iam.Role, id = "read"): iam.RolePolicy {
    return new iam.RolePolicy(
      childName(this.resourceName, "grant", id),
      {
        role: role.name,
        policy: pulumi.all([this.arn, this.keyArn]).apply(([b, k]) => JSON.stringify(bucketReadPolicy(b, k))),
      },
      { parent: this },
    );
  }

  /** Lets a role write and delete objects, and encrypt them with the bucket's key. */
  grantWrite(role: iam.Role, id = "write"): iam.RolePolicy {
    return new iam.RolePolicy(
      childName(this.resourceName, "grant", id),
      {
        role: role.name,
        policy: pulumi
          .all([this.arn, this.keyArn])
          .apply(([b, k]) => JSON.stringify(bucketWritePolicy(b, k))),
      },
      { parent: this },
    );
  }
}

/**
 * One bucket with every control the baseline asks for except access logging, which the caller adds (a
 * log-target bucket cannot log to itself). Shared by `Bucket` and the load balancer log bucket of
 * `ContainerService`; children are named `<prefix>-bucket`, `<prefix>-public-access` …
 */
export function hardenedBucket(
  scope: pulumi.Resource,
  prefix: string,
  o: {
    bucketName?: string;
    tags: Tags;
    protect: boolean;
    encryption: { sseAlgorithm: string; kmsMasterKeyId?: pulumi.Input<string> };
    bucketKey: boolean;
    policy: (arn: string) => pulumi.Input<string>;
    rules: s3.BucketLifecycleConfigurationArgs["rules"];
  },
): BucketParts {
  const parent = { parent: scope };
  const bucket = new s3.Bucket(
    childName(prefix, "bucket"),
    { ...(o.bucketName !== undefined ? { bucket: o.bucketName } : {}), forceDestroy: false, tags: o.tags },
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
