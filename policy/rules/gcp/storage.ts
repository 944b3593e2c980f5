// Google Cloud Storage rules: no bucket is public (IAM, legacy ACLs, prevention, uniform access), and every
// bucket keeps old versions, encrypts under a customer-managed key, survives deletion for a while and logs
// access to a log bucket (BASELINE.md, Google Cloud: Bucket).
import type { BucketACLArgs, BucketAccessControlArgs, BucketArgs } from "@pulumi/gcp/storage";
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Props, inputsOf, onInputs, propsOf, record, strings } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { ifKnown, isSet, knownField } from "../../runtime/unknowns";
import { PUBLIC_MEMBERS, noPublicGrantRule } from "./iam";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

const PUBLIC_PREDEFINED = ["publicRead", "publicReadWrite", "authenticatedRead"];

/** Public grants made through the legacy ACL resources, which uniform bucket-level access would refuse. */
function publicAcls(args: ResourceValidationArgs): string[] {
  const entity = inputsOf<BucketAccessControlArgs>(args, T.bucketAclEntity)?.entity;
  const acl = inputsOf<BucketACLArgs>(args, T.bucketAcl);
  const found: string[] = [];
  if (entity !== undefined && PUBLIC_MEMBERS.includes(String(entity))) found.push(`ACL grants to ${entity}`);
  if (acl && PUBLIC_PREDEFINED.includes(String(acl.predefinedAcl)))
    found.push(`predefined ACL "${acl.predefinedAcl}" makes the bucket public`);
  for (const pair of strings(acl?.roleEntities)) {
    if (PUBLIC_MEMBERS.some((m) => pair.endsWith(`:${m}`))) found.push(`ACL grants ${pair}`);
  }
  return found;
}

export const storageRules: ResourceRule[] = [
  noPublicGrantRule({
    name: "gcp-storage-no-public-access",
    severity: "critical",
    description:
      "Cloud Storage buckets grant no role to `allUsers` or `allAuthenticatedUsers`, through IAM members, " +
      "bindings, policies or legacy ACLs.",
    remediationSteps:
      "Grant roles to named service accounts or groups; serve public content through a load balancer with Cloud CDN.",
    references: ["CKV_GCP_28", "CIS GCP 5.1"],
    types: T.bucketIam,
    also: publicAcls,
    alsoTypes: [...T.bucketAclEntity, ...T.bucketAcl],
  }),
  {
    name: "gcp-storage-public-access-prevention",
    area: "gcp",
    severity: "high",
    description:
      'Cloud Storage buckets set public access prevention to "enforced" (the default only inherits).',
    remediationSteps: 'Set `publicAccessPrevention: "enforced"`.',
    references: ["CKV_GCP_114", "CIS GCP 5.1"],
    validateResource: onInputs<BucketArgs>(T.bucket, (bucket, report) => {
      if (bucket.publicAccessPrevention !== "enforced")
        report(`publicAccessPrevention is ${JSON.stringify(bucket.publicAccessPrevention ?? "inherited")}`);
    }),
  },
  {
    name: "gcp-storage-uniform-access",
    area: "gcp",
    severity: "high",
    description:
      "Cloud Storage buckets use uniform bucket-level access, so IAM alone decides who reads objects.",
    remediationSteps: "Set `uniformBucketLevelAccess: true`.",
    references: ["CKV_GCP_29", "CIS GCP 5.2"],
    validateResource: onInputs<BucketArgs>(T.bucket, (bucket, report) => {
      if (bucket.uniformBucketLevelAccess !== true) report("uniformBucketLevelAccess is not true");
    }),
  },
  {
    name: "gcp-storage-versioning",
    area: "gcp",
    severity: "medium",
    description: "Cloud Storage buckets keep object versions, so an overwrite or deletion can be undone.",
    remediationSteps:
      "Set `versioning: { enabled: true }` and expire noncurrent versions with a lifecycle rule.",
    references: ["CKV_GCP_78", "Groundwork BASELINE GCP Bucket"],
    validateResource: onInputs<BucketArgs>(T.bucket, (bucket, report) => {
      if (record(bucket.versioning).enabled !== true) report("versioning is not enabled");
    }),
  },
  {
    name: "gcp-storage-cmek",
    area: "gcp",
    severity: "high",
    description:
      "Cloud Storage buckets encrypt objects under a customer-managed Cloud KMS key by default. Cloud Storage always " +
      "encrypts, under a Google-managed key unless told otherwise; `customerManagedKey: false` accepts that.",
    remediationSteps:
      "Set `encryption: { defaultKmsKeyName: <crypto key id> }`, granting the storage service agent the key first.",
    references: ["Groundwork BASELINE GCP Bucket"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<BucketArgs>(T.bucket, (bucket, report, args) => {
      // A key id from another resource is unknown in preview but certainly set.
      if (
        !isSet(record(bucket.encryption), "defaultKmsKeyName") &&
        asksForKey(args, record(bucket.labels).environment)
      )
        report(
          `no encryption.defaultKmsKeyName: objects are encrypted under a Google-managed key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
  {
    name: "gcp-storage-soft-delete",
    area: "gcp",
    severity: "low",
    description: "Cloud Storage buckets keep soft delete on, so deleted objects can be restored for a while.",
    remediationSteps:
      "Leave `softDeletePolicy` unset (7 days) or set `retentionDurationSeconds` between 604800 and 7776000.",
    references: ["Groundwork BASELINE GCP Bucket"],
    validateResource: onInputs<BucketArgs>(T.bucket, (bucket, report) => {
      const seconds = record(bucket.softDeletePolicy).retentionDurationSeconds;
      if (seconds !== undefined && Number(seconds) === 0)
        report("softDeletePolicy.retentionDurationSeconds is 0");
    }),
  },
];

// Module-level so the link index built for it is reused across buckets (it is keyed by the reader).
const logBucketOf = (props: Props): unknown => record(props.logging).logBucket;

/** True when another bucket sends its access logs to `b`: a log bucket, which logging itself would loop. */
function isLogTarget(resources: readonly PolicyResource[], b: PolicyResource): boolean {
  return referrers(resources, T.bucket, "logging", b, ["name"], logBucketOf).some((r) => r !== b);
}

export const storageStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "gcp-storage-access-logging",
    area: "gcp",
    severity: "medium",
    description:
      "Cloud Storage buckets log access to a separate log bucket (log buckets themselves are exempt: a bucket " +
      "that logs to itself loops).",
    remediationSteps:
      "Set `logging: { logBucket: <log bucket name> }`, naming a hardened bucket kept for logs.",
    references: ["CKV_GCP_62", "CKV_GCP_63", "Groundwork BASELINE GCP Bucket"],
    types: T.bucket,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.bucket), report, (b) => {
        const logging = record(propsOf<BucketArgs>(b).logging);
        if (isSet(logging, "logBucket")) {
          const selfName = knownField(b.props, "name");
          if (typeof selfName === "string" && ifKnown(() => logging.logBucket) === selfName)
            report(`bucket "${b.name}" logs access to itself`, b.urn);
          return;
        }
        if (!isLogTarget(args.resources, b)) report(`bucket "${b.name}" does not log access`, b.urn);
      });
    },
  }),
];
