// Bucket: an S3 bucket that is private, owner-enforced, KMS-encrypted with bucket keys, TLS-only,
// versioned, access-logged and lifecycle-managed, with grants that include its key.
import * as pulumi from "@pulumi/pulumi";
import * as s3 from "@pulumi/aws/s3";
import * as iam from "@pulumi/aws/iam";
import { Validator, childName, resolveProfile } from "../../core";
import { awsContext, outputProperties } from "../common";
import { bucketReadPolicy, bucketWritePolicy, tlsOnlyBucketPolicy } from "../documents";
import { wireKey } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { AwsGrants, GranteeLike } from "../grants";
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
    this.grants = new AwsGrants(this, name, () => v);

    const key = wireKey(this, name, r.key, {
      environment: r.profile.environment,
      tags: r.callerTags,
      protect: r.protect,
    });
    this.encryptionKey = key.created;
    const logBucketName = this.logTarget(name, r);
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
        { parent: this },
      );
    }

    this.bucketName = main.bucket.bucket;
    this.arn = main.bucket.arn;
    this.keyArn = key.arn;
    this.logBucketName = logBucketName;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /** The name of the bucket receiving access logs, creating `<name>-logs` when the component owns it. */
  private logTarget(name: string, r: ResolvedBucketArgs): pulumi.Output<string | undefined> {
    if (r.accessLogs.kind === "off") return pulumi.output(undefined);
    if (r.accessLogs.kind === "given") return pulumi.output(r.accessLogs.bucketName);
    const logs = accessLogBucket(this, childName(name, "logs"), {
      tags: r.tags,
      protect: r.protect,
      retentionDays: r.logRetentionDays,
      abortDays: r.abortIncompleteUploadDays,
      ctx: awsContext(this),
      delivery: { s3ServerAccessLogs: true },
    });
    return logs.bucket.bucket;
  }

  /**
   * Lets a grantee list and read objects, and decrypt them with the bucket's key. The key permission is
   * a statement of the same policy (so a bucket grant is one child whatever the key), named
   * `<name>-grant-<id>`.
   * @param grantee a `ContainerService`, an `iam.Role` or `roleGrantee(name, roleArn)`
   * @param id defaults to `<granteeName>-read`
   */
  grantRead(grantee: GranteeLike, id?: string): iam.RolePolicy {
    const policy = pulumi
      .all([this.arn, this.keyArn])
      .apply(([b, k]) => JSON.stringify(bucketReadPolicy(b, k)));
    return this.grants.attach(grantee, "read", id, policy);
  }

  /**
   * Lets a grantee write and delete objects, and encrypt them with the bucket's key; one child named
   * `<name>-grant-<id>`.
   * @param grantee a `ContainerService`, an `iam.Role` or `roleGrantee(name, roleArn)`
   * @param id defaults to `<granteeName>-write`
   */
  grantWrite(grantee: GranteeLike, id?: string): iam.RolePolicy {
    const policy = pulumi
      .all([this.arn, this.keyArn])
      .apply(([b, k]) => JSON.stringify(bucketWritePolicy(b, k)));
    return this.grants.attach(grantee, "write", id, policy);
  }
}
