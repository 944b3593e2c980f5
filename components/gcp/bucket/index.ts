// Bucket: a Cloud Storage bucket with uniform access, public-access prevention enforced, CMEK (the
// storage agent granted on the key first), versioning, soft delete, lifecycle rules and usage logs to a
// hardened log bucket, with grants to a grantee.
import * as pulumi from "@pulumi/pulumi";
import { Bucket as StorageBucket, BucketArgs as StorageBucketArgs } from "@pulumi/gcp/storage/bucket";
import { BucketIAMMember } from "@pulumi/gcp/storage/bucketIAMMember";
import { getClientConfigOutput } from "@pulumi/gcp/organizations/getClientConfig";
import { Validator, childName, globalFittedNameArg, resolveProfile } from "../../core";
import { Labels, childOptions, dependsOnOf, outputProperties, regionOf } from "../common";
import { wireKey } from "../encryption";
import { EncryptionKey } from "../encryption-key";
import { GcpGrantee, GcpGrants } from "../grants";
import { GCS_BUCKET_NAME, gcpAutoNamed } from "../naming";
import { BucketArgs, ResolvedBucketArgs, resolveBucketArgs } from "./args";

export { BucketArgs } from "./args";

const DAY_SECONDS = 86_400;

/**
 * The group Cloud Storage writes usage logs as; it needs object create on the log bucket
 * (https://cloud.google.com/storage/docs/access-logs). Organisations enforcing Domain Restricted Sharing
 * refuse grants to it: see `BucketArgs.accessLogging`.
 */
export const STORAGE_ANALYTICS_MEMBER = "group:cloud-storage-analytics@google.com";

/** What every bucket this component makes shares: private, encrypted, versioned, soft-deleting. */
interface HardenedBucket {
  readonly name?: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly keyId: pulumi.Input<string>;
  readonly labels: Labels;
  readonly softDeleteDays: number;
  readonly lifecycleRules: NonNullable<StorageBucketArgs["lifecycleRules"]>;
  readonly logging?: StorageBucketArgs["logging"];
}

function hardenedBucketArgs(b: HardenedBucket): StorageBucketArgs {
  return {
    ...(b.name !== undefined ? { name: b.name } : {}),
    location: b.location,
    uniformBucketLevelAccess: true,
    publicAccessPrevention: "enforced",
    forceDestroy: false,
    encryption: { defaultKmsKeyName: b.keyId },
    versioning: { enabled: true },
    softDeletePolicy: { retentionDurationSeconds: b.softDeleteDays * DAY_SECONDS },
    lifecycleRules: b.lifecycleRules,
    ...(b.logging !== undefined ? { logging: b.logging } : {}),
    labels: b.labels,
  };
}

/** Lifecycle: non-current versions expire, incomplete uploads are aborted, and (logs) objects age out. */
function lifecycle(
  noncurrentDays: number,
  abortDays: number,
  expireDays?: number,
): HardenedBucket["lifecycleRules"] {
  return [
    {
      action: { type: "Delete" },
      condition: { daysSinceNoncurrentTime: noncurrentDays, withState: "ARCHIVED" },
    },
    { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: abortDays } },
    ...(expireDays !== undefined ? [{ action: { type: "Delete" }, condition: { age: expireDays } }] : []),
  ];
}

/** The object roles a bucket grant gives, by access level. */
const BUCKET_ROLES = { read: "roles/storage.objectViewer", write: "roles/storage.objectCreator" } as const;

/**
 * A private, CMEK-encrypted, versioned, logged Cloud Storage bucket.
 *
 * Needs these APIs on before its first deploy (`GCP_APIS.Bucket`): cloudkms, storage (`*.googleapis.com`).
 * Enable them (`ProjectApis`) and pass them as `dependsOn`: every child waits for the component's own
 * `dependsOn`.
 */
export class Bucket extends pulumi.ComponentResource {
  /** The bucket name. */
  public readonly bucketName: pulumi.Output<string>;
  /** The bucket URL (`gs://…`). */
  public readonly url: pulumi.Output<string>;
  /** The crypto key id that encrypts the bucket. */
  public readonly keyId: pulumi.Output<string>;
  /** Name of the bucket receiving usage logs; undefined when access logging is off. */
  public readonly logBucketName: pulumi.Output<string | undefined>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw bucket, for arguments that need the resource. */
  public readonly bucket: StorageBucket;
  /** The key the component created, when none was passed. */
  public readonly encryptionKey?: EncryptionKey;

  private readonly grants: GcpGrants;
  /** What every child waits for: the component's own `dependsOn` (the project's APIs). */
  private readonly after: pulumi.Input<pulumi.Resource>[];

  constructor(name: string, args: BucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("gcp.Bucket", name);
    const r = resolveBucketArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:gcp:Bucket", name, {}, opts);
    this.grants = new GcpGrants(name, () => v);
    this.after = dependsOnOf(opts);
    const location = r.location ?? regionOf(this, undefined);
    const key = wireKey(this, name, r.key, "storage", {
      environment: r.profile.environment,
      labels: r.callerLabels,
      protect: r.protect,
      location,
      after: this.after,
    });
    this.encryptionKey = key.created;
    // The storage agent must hold the key before a bucket names it, or creation fails.
    const childOpts = childOptions(this, this.after, { protect: r.protect, dependsOn: [key.agentGrant] });
    const shared = { location, keyId: key.keyId, labels: r.labels, softDeleteDays: r.softDeleteDays };
    const logBucketName = this.logTarget(name, r, shared, childOpts);
    this.bucket = new StorageBucket(
      childName(name, "bucket"),
      hardenedBucketArgs({
        ...shared,
        name: r.bucketName ?? this.fittedBucketName(name, "bucket"),
        lifecycleRules: lifecycle(r.noncurrentVersionExpirationDays, r.abortIncompleteUploadDays),
        ...(r.accessLogs.kind !== "off"
          ? { logging: { logBucket: logBucketName.apply((n) => n ?? ""), logObjectPrefix: `${name}/` } }
          : {}),
      }),
      childOpts,
    );
    this.bucketName = this.bucket.name;
    this.url = this.bucket.url;
    this.keyId = key.keyId;
    this.logBucketName = logBucketName;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /**
   * The name of the bucket `<name>-<suffix>` when its auto-name would pass 63 characters: shortened and
   * hashed with the project (bucket names are global). Undefined when the auto-name fits.
   */
  private fittedBucketName(name: string, suffix: string): pulumi.Output<string> | undefined {
    const derived = gcpAutoNamed(`the ${suffix} bucket`, GCS_BUCKET_NAME, suffix);
    // The client config is a secret as a whole (it holds an access token); the project id is not.
    const project = () => pulumi.unsecret(getClientConfigOutput({ parent: this }).project);
    return globalFittedNameArg("name", derived, name, project).name;
  }

  /** The bucket receiving usage logs, creating `<name>-logs` (and its writer binding) when owned. */
  private logTarget(
    name: string,
    r: ResolvedBucketArgs,
    shared: Omit<HardenedBucket, "lifecycleRules">,
    childOpts: pulumi.CustomResourceOptions,
  ): pulumi.Output<string | undefined> {
    if (r.accessLogs.kind === "off") return pulumi.output(undefined);
    if (r.accessLogs.kind === "given") return pulumi.output(r.accessLogs.bucketName);
    const logs = new StorageBucket(
      childName(name, "logs"),
      hardenedBucketArgs({
        ...shared,
        name: this.fittedBucketName(name, "logs"),
        lifecycleRules: lifecycle(
          r.noncurrentVersionExpirationDays,
          r.abortIncompleteUploadDays,
          r.logRetentionDays,
        ),
      }),
      childOpts,
    );
    const writer = new BucketIAMMember(
      childName(name, "logs-writer"),
      { bucket: logs.name, role: "roles/storage.objectCreator", member: STORAGE_ANALYTICS_MEMBER },
      childOptions(this, this.after),
    );
    // The main bucket names the log bucket only once Cloud Storage may write to it.
    return pulumi.all([logs.name, writer.id]).apply(([n]) => n);
  }

  /**
   * Lets a grantee list and read objects (the service agent decrypts; no key grant is needed): one
   * bucket IAM binding named `<name>-grant-<id>`.
   * @param grantee a `ContainerService` or `serviceAccountGrantee(name, email)`
   * @param id defaults to `<granteeName>-read`
   */
  grantRead(grantee: GcpGrantee, id?: string): BucketIAMMember {
    return this.bind(grantee, "read", id);
  }

  /**
   * Lets a grantee create objects (not read or delete them); `<name>-grant-<id>`.
   * @param grantee a `ContainerService` or `serviceAccountGrantee(name, email)`
   * @param id defaults to `<granteeName>-write`
   */
  grantWrite(grantee: GcpGrantee, id?: string): BucketIAMMember {
    return this.bind(grantee, "write", id);
  }

  private bind(
    grantee: GcpGrantee,
    level: keyof typeof BUCKET_ROLES,
    id: string | undefined,
  ): BucketIAMMember {
    return this.grants.attach(
      grantee,
      level,
      id,
      (child, member) =>
        new BucketIAMMember(
          child,
          { bucket: this.bucket.name, role: BUCKET_ROLES[level], member },
          childOptions(this, this.after),
        ),
    );
  }
}
