// Bucket: an S3 bucket that is private, owner-enforced, KMS-encrypted with bucket keys, TLS-only,
// versioned, access-logged and lifecycle-managed, with grants that include its key.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import { Validator, childName, resolveProfile } from "../../core";
import { awsContext, outputProperties } from "../common";
import { bucketReadPolicy, bucketWritePolicy, tlsOnlyBucketPolicy } from "../documents";
import { wireKey } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { AwsGrant, AwsGrants, GranteeLike } from "../grants";
import { accessLogBucket, dataBucketRules, hardenedBucket } from "../log-bucket";
import { BucketArgs, ResolvedBucketArgs, resolveBucketArgs } from "./args";

export { BucketArgs } from "./args";

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

  private readonly grants: AwsGrants;

  constructor(name: string, args: BucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.Bucket", name);
    const r = resolveBucketArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:aws:Bucket", name, {}, opts);
    this.grants = new AwsGrants(this, name, () => v, r.tags);

    const key = wireKey(this, name, r.key, {
      environment: r.profile.environment,
      tags: r.callerTags,
      protect: r.protect,
    });
    this.encryptionKey = key.created;
    const logTarget = this.logTarget(name, r);
    const logBucketName = logTarget.bucketName;
    const main = hardenedBucket(this, name, {
      bucketName: r.bucketName,
      tags: r.tags,
      protect: r.protect,
      encryption: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn },
      bucketKey: true,
      policy: (arn) => JSON.stringify(tlsOnlyBucketPolicy(arn)),
      rules: dataBucketRules(r.noncurrentVersionExpirationDays, r.abortIncompleteUploadDays),
    });
    this.bucket = main.bucket;
    if (r.accessLogs.kind !== "off") {
      new s3.BucketLogging(
        childName(name, "logging"),
        {
          bucket: main.bucket.id,
          targetBucket: logBucketName.apply((n) => n ?? ""),
          targetPrefix: `${name}/`,
          targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        },
        // S3 checks, when logging is set, that the target bucket's policy lets the logging service write;
        // that policy waits for the public-access block, so logging waits for both.
        { parent: this, dependsOn: logTarget.ready },
      );
    }

    this.bucketName = main.bucket.bucket;
    this.arn = main.bucket.arn;
    this.keyArn = key.arn;
    this.logBucketName = logBucketName;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * The bucket receiving access logs, creating `<name>-logs` when the component owns it, and what must
   * exist before logging to it is set up: its policy letting S3 deliver logs (which waits for its
   * public-access block). A given bucket's policy is the caller's.
   */
  private logTarget(
    name: string,
    r: ResolvedBucketArgs,
  ): { bucketName: pulumi.Output<string | undefined>; ready: pulumi.Resource[] } {
    if (r.accessLogs.kind === "off") return { bucketName: pulumi.output(undefined), ready: [] };
    if (r.accessLogs.kind === "given")
      return { bucketName: pulumi.output(r.accessLogs.bucketName), ready: [] };
    const logs = accessLogBucket(this, childName(name, "logs"), {
      tags: r.tags,
      protect: r.protect,
      retentionDays: r.logRetentionDays,
      abortDays: r.abortIncompleteUploadDays,
      ctx: awsContext(this),
      delivery: { s3ServerAccessLogs: true },
    });
    return { bucketName: logs.bucket.bucket, ready: [logs.policy] };
  }

  /**
   * Lets a grantee list and read objects, and decrypt them with the bucket's key. The key permission is
   * a statement of the same managed policy (so a bucket grant is one policy whatever the key), named
   * `<name>-grant-<id>` and attached to the grantee's role as `<name>-grant-<id>-attachment`.
   * @param grantee a `ContainerService`, an `iam.Role` or `roleGrantee(name, roleArn)`
   * @param id defaults to `<granteeName>-read`
   */
  grantRead(grantee: GranteeLike, id?: string): AwsGrant {
    const policy = pulumi
      .all([this.arn, this.keyArn])
      .apply(([b, k]) => JSON.stringify(bucketReadPolicy(b, k)));
    return this.grants.attach(grantee, "read", id, policy);
  }

  /**
   * Lets a grantee write and delete objects, and encrypt them with the bucket's key: one managed policy
   * `<name>-grant-<id>`, attached to the grantee's role as `<name>-grant-<id>-attachment`.
   * @param grantee a `ContainerService`, an `iam.Role` or `roleGrantee(name, roleArn)`
   * @param id defaults to `<granteeName>-write`
   */
  grantWrite(grantee: GranteeLike, id?: string): AwsGrant {
    const policy = pulumi
      .all([this.arn, this.keyArn])
      .apply(([b, k]) => JSON.stringify(bucketWritePolicy(b, k)));
    return this.grants.attach(grantee, "write", id, policy);
  }
}
