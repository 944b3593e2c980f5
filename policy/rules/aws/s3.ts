// AWS S3 rules. A bucket's settings are separate resources (public-access block, encryption, policy,
// versioning, logging, ownership, lifecycle), so most rules are stack rules that find a bucket's parts
// through `propertyDependencies` and the `bucket` input.
import type {
  BucketAclArgs,
  BucketArgs,
  BucketOwnershipControlsArgs,
  BucketPolicyArgs,
  BucketPublicAccessBlockArgs,
  BucketServerSideEncryptionConfigurationArgs,
  BucketVersioningArgs,
} from "@pulumi/aws/s3";
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, Props, inputsOf, oneOrMany, propsOf, record, records } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { ifKnown } from "../../runtime/unknowns";
import {
  CMK_KNOB_HINT,
  CUSTOMER_MANAGED_KEY_KNOBS,
  CustomerManagedKeyConfig,
  wantsCustomerManagedKey,
  namesCustomerKey,
} from "../keys";
import { T } from "./resource-types";
import { publicPolicyRule, statements } from "./documents";

type Bucket = Inputs<BucketArgs>;
type EncryptionRule = Partial<Inputs<BucketServerSideEncryptionConfigurationArgs>["rules"][number]>;

function bucketLabel(b: PolicyResource): string {
  return `bucket "${b.name}"`;
}

// The configuration resources of a bucket, found through the `bucket` input.
function bucketParts(
  resources: readonly PolicyResource[],
  types: readonly string[],
  b: PolicyResource,
): PolicyResource[] {
  return referrers(resources, types, "bucket", b, ["bucket"]);
}

/** Runs `check` on every bucket of the stack with its typed inputs (see `eachOf` for unknowns). */
function eachBucket(
  resources: readonly PolicyResource[],
  report: { undecided(message: string, urn?: string): void },
  check: (b: PolicyResource, bucket: Bucket) => void,
): void {
  eachOf(ofTypes(resources, T.bucket), report, (b) => check(b, propsOf<BucketArgs>(b)));
}

// Module-level so the link index built for it is reused across buckets (it is keyed by the reader).
const accessLogsBucket = (props: Props): unknown => record(props.accessLogs).bucket;

/**
 * Buckets that receive logs from AWS services (S3 server access logging, load balancer access logs). Those
 * services write only with SSE-S3, and logging a log bucket would loop, so two rules treat them apart.
 */
function logTargets(resources: readonly PolicyResource[]): Set<string> {
  const out = new Set<string>();
  for (const b of ofTypes(resources, T.bucket)) {
    const viaLogging = referrers(resources, T.logging, "targetBucket", b, ["bucket"]).length > 0;
    const viaLb =
      referrers(resources, T.loadBalancer, "accessLogs", b, ["bucket"], accessLogsBucket).length > 0;
    if (viaLogging || viaLb) out.add(b.urn);
  }
  return out;
}

/** The groups an ACL grant to which is a grant to everyone (or to every AWS account). */
const PUBLIC_GROUPS: Record<string, string> = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
};

/** Grants to a public group: a Bucket's inline `grants`, or a BucketAcl's `accessControlPolicy.grants`. */
function publicAclGrants(args: ResourceValidationArgs): { group: string; permission: string }[] {
  const bucketGrants = oneOrMany(inputsOf<BucketArgs>(args, T.bucket)?.grants).map((g) => {
    const grant = record(g);
    return { uri: grant.uri, permission: oneOrMany(grant.permissions).join("/") };
  });
  const aclGrants = records(inputsOf<BucketAclArgs>(args, T.acl)?.accessControlPolicy?.grants).map((g) => ({
    uri: record(g.grantee).uri,
    permission: String(g.permission),
  }));
  return [...bucketGrants, ...aclGrants]
    .filter((g) => PUBLIC_GROUPS[String(g.uri)] !== undefined)
    .map((g) => ({ group: PUBLIC_GROUPS[String(g.uri)], permission: g.permission }));
}

export const s3Rules: ResourceRule[] = [
  {
    name: "aws-s3-no-public-acl",
    area: "aws",
    severity: "critical",
    description:
      "S3 buckets must not grant access to everyone through a canned ACL (public-read, public-read-write, " +
      "authenticated-read) or an ACL grant to the AllUsers or AuthenticatedUsers group.",
    remediationSteps:
      "Remove the public ACL or grant; use BucketOwnerEnforced ownership and grant access through IAM.",
    references: ["CKV_AWS_20", "CKV_AWS_57", "CIS AWS 2.1.4", "AWS FSBP S3.2", "AWS FSBP S3.3"],
    types: [...T.bucket, ...T.acl],
    validateResource(args, report) {
      const acl = inputsOf<{ acl?: string }>(args, [...T.bucket, ...T.acl])?.acl;
      if (["public-read", "public-read-write", "authenticated-read"].includes(String(acl))) {
        report(`canned ACL "${acl}" makes the bucket readable outside the account`);
      }
      for (const { group, permission } of publicAclGrants(args))
        report(`ACL grants ${permission} to ${group}`);
    },
  },
  publicPolicyRule({
    name: "aws-s3-no-public-policy",
    what: "S3 bucket policies",
    types: [...T.bucketPolicy, ...T.bucket],
    references: ["CKV_AWS_70", "AWS FSBP S3.2", "AWS FSBP S3.3"],
  }),
  {
    name: "aws-s3-no-force-destroy",
    area: "aws",
    severity: "medium",
    description: "S3 buckets must not be created with `forceDestroy`, which deletes every object on destroy.",
    remediationSteps: "Leave `forceDestroy` unset (false); empty a bucket deliberately before removing it.",
    references: ["Groundwork BASELINE AWS Bucket"],
    types: T.bucket,
    validateResource(args, report) {
      if (inputsOf<BucketArgs>(args, T.bucket)?.forceDestroy === true) report("forceDestroy is true");
    },
  },
];

const PUBLIC_ACCESS_FLAGS = [
  "blockPublicAcls",
  "blockPublicPolicy",
  "ignorePublicAcls",
  "restrictPublicBuckets",
] as const;

/**
 * What is wrong with one public-access block: flags off, or unset (a BucketPublicAccessBlock writes the
 * whole configuration, so an unset flag is false), or undecided when one is unknown.
 */
function publicAccessGaps(pab: PolicyResource): { off: string[]; unknown: boolean } {
  const block = propsOf<BucketPublicAccessBlockArgs>(pab);
  const values = PUBLIC_ACCESS_FLAGS.map((f) => [f, ifKnown(() => block[f])] as const);
  const off = values.filter(([f, v]) => v === false || v === null || !(f in pab.props));
  return {
    off: off.map(([f]) => (f in pab.props ? `${f} is false` : `${f} is unset (false)`)),
    unknown: values.some(([f, v]) => f in pab.props && v === undefined),
  };
}

/** The knob of the rules whose control AWS now applies by default, when a team wants it said in the program. */
const REQUIRE_EXPLICIT = {
  requireExplicit: {
    type: "boolean",
    default: false,
    description:
      "Also ask for the setting to be declared in the program where S3 applies it by default to new buckets " +
      "(since April 2023), so drift from the default is visible in review.",
  },
} as const;

/** S3's announcement of the April 2023 defaults (all four blocks on, ACLs disabled, for new buckets). */
const S3_2023_DEFAULTS =
  "https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/";

/** Every encryption rule of a bucket: its SSE configuration resources', and an inline one. */
function encryptionRules(
  resources: readonly PolicyResource[],
  b: PolicyResource,
  bucket: Bucket,
): EncryptionRule[] {
  const rules: EncryptionRule[] = [];
  for (const c of bucketParts(resources, T.encryption, b)) {
    const config = propsOf<BucketServerSideEncryptionConfigurationArgs>(c);
    rules.push(...oneOrMany(config.rules).map((r) => record(r) as EncryptionRule));
  }
  const inline = ifKnown(() => bucket.serverSideEncryptionConfiguration?.rule);
  if (inline) rules.push(record(inline) as EncryptionRule);
  return rules;
}

export const bucketStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-s3-public-access-block",
    area: "aws",
    severity: "critical",
    description:
      "No S3 bucket turns its public-access block off: a BucketPublicAccessBlock keeps all four settings on. S3 turns " +
      "all four on for every bucket created since April 2023, so a bucket without one is blocked; `requireExplicit` " +
      "asks for the block in the program as well.",
    remediationSteps:
      "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true on the bucket's " +
      "BucketPublicAccessBlock (or remove it to keep S3's default, unless requireExplicit is set).",
    references: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CIS AWS 2.1.4", S3_2023_DEFAULTS],
    types: T.bucket,
    configSchema: { properties: REQUIRE_EXPLICIT },
    validateStack(args, report) {
      const explicit = args.getConfig<{ requireExplicit?: boolean }>().requireExplicit === true;
      eachBucket(args.resources, report, (b) => {
        const blocks = bucketParts(args.resources, T.publicAccessBlock, b);
        if (blocks.length === 0) {
          if (explicit)
            report(
              `${bucketLabel(b)} has no BucketPublicAccessBlock: S3's default blocks public access on a new ` +
                "bucket, but requireExplicit asks for the block in the program",
              b.urn,
            );
          return;
        }
        for (const pab of blocks) {
          const { off, unknown } = publicAccessGaps(pab);
          if (off.length > 0) {
            report(`${bucketLabel(b)}: ${off.join(", ")} on "${pab.name}"`, b.urn);
          } else if (unknown) {
            report.undecided(`${bucketLabel(b)}: a public-access setting is unknown`, b.urn);
          }
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-encryption-kms",
    area: "aws",
    severity: "high",
    description:
      "Every S3 bucket is encrypted with SSE-KMS under a customer-managed key, with bucket keys on. S3 encrypts every " +
      "object with SSE-S3 (an S3-owned key) by default; `customerManagedKey: false` accepts that. Log-delivery " +
      "buckets (targets of S3 access logging or load balancer access logs) may use SSE-S3, the only encryption " +
      "those AWS services can write to.",
    remediationSteps:
      "Add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms, kmsMasterKeyId set, bucketKeyEnabled true.",
    references: ["CKV_AWS_145", "CKV_AWS_19"],
    types: T.bucket,
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateStack(args, report) {
      const targets = logTargets(args.resources);
      const config = args.getConfig<CustomerManagedKeyConfig>();
      eachBucket(args.resources, report, (b, bucket) => {
        const wanted =
          !targets.has(b.urn) && wantsCustomerManagedKey(config, b.urn, record(bucket.tags).environment);
        const rules = encryptionRules(args.resources, b, bucket);
        if (rules.length === 0) {
          if (wanted)
            report(
              `${bucketLabel(b)} has no server-side encryption configuration: objects are encrypted with SSE-S3 ` +
                `(an S3-owned key), not a customer-managed KMS key; ${CMK_KNOB_HINT}`,
              b.urn,
            );
          return;
        }
        for (const r of rules) {
          const by = record(r.applyServerSideEncryptionByDefault);
          const algorithm = String(by.sseAlgorithm ?? "");
          if (!algorithm.startsWith("aws:kms")) {
            if (wanted)
              report(
                `${bucketLabel(b)}: sseAlgorithm is ${JSON.stringify(by.sseAlgorithm)} (SSE-S3, an S3-owned key), ` +
                  `not aws:kms under a customer-managed key; ${CMK_KNOB_HINT}`,
                b.urn,
              );
            continue;
          }
          if (wanted && !namesCustomerKey(by, "kmsMasterKeyId"))
            report(
              `${bucketLabel(b)}: aws:kms without a customer-managed kmsMasterKeyId uses the AWS-managed key aws/s3; ` +
                CMK_KNOB_HINT,
              b.urn,
            );
          if (r.bucketKeyEnabled !== true)
            report(
              `${bucketLabel(b)}: bucketKeyEnabled is not true (every object costs a KMS request)`,
              b.urn,
            );
        }
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-tls-only",
    area: "aws",
    severity: "high",
    description: "Every S3 bucket has a policy denying requests without TLS (aws:SecureTransport = false).",
    remediationSteps:
      "Add a BucketPolicy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport false.",
    references: ["CIS AWS 2.1.1"],
    types: T.bucket,
    validateStack(args, report) {
      eachBucket(args.resources, report, (b, bucket) => {
        const docs: unknown[] = bucketParts(args.resources, T.bucketPolicy, b).map(
          (p) => propsOf<BucketPolicyArgs>(p).policy,
        );
        const inline = ifKnown(() => bucket.policy);
        if (inline !== undefined) docs.push(inline);
        const denies = docs.flatMap(statements).some((s) => {
          const bool = record(record(s.Condition).Bool);
          return s.Effect === "Deny" && String(bool["aws:SecureTransport"]) === "false";
        });
        if (!denies) report(`${bucketLabel(b)} does not deny requests without TLS`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-versioning",
    area: "aws",
    severity: "medium",
    description: "Every S3 bucket has versioning enabled.",
    remediationSteps: 'Add a BucketVersioning with `versioningConfiguration.status: "Enabled"`.',
    references: ["CKV_AWS_21"],
    types: T.bucket,
    validateStack(args, report) {
      eachBucket(args.resources, report, (b, bucket) => {
        const on =
          bucketParts(args.resources, T.versioning, b).some(
            (v) => propsOf<BucketVersioningArgs>(v).versioningConfiguration?.status === "Enabled",
          ) || ifKnown(() => bucket.versioning?.enabled) === true;
        if (!on) report(`${bucketLabel(b)} is not versioned`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-access-logging",
    area: "aws",
    severity: "medium",
    description: "Every S3 bucket logs access to a log bucket (log buckets themselves excepted).",
    remediationSteps: "Add a BucketLogging pointing `targetBucket` at a log bucket.",
    references: ["CKV_AWS_18"],
    types: T.bucket,
    validateStack(args, report) {
      const targets = logTargets(args.resources);
      eachBucket(args.resources, report, (b, bucket) => {
        if (targets.has(b.urn)) return;
        const logged =
          bucketParts(args.resources, T.logging, b).length > 0 ||
          ifKnown(() => bucket.logging?.targetBucket) !== undefined;
        if (!logged) report(`${bucketLabel(b)} has no access logging`, b.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-ownership-enforced",
    area: "aws",
    severity: "medium",
    description:
      "No S3 bucket turns ACLs back on: object ownership stays BucketOwnerEnforced, which S3 applies to every bucket " +
      "created since April 2023. `requireExplicit` asks for BucketOwnershipControls in the program as well.",
    remediationSteps:
      'Set BucketOwnershipControls `rule.objectOwnership: "BucketOwnerEnforced"` (or remove them to keep S3\'s default).',
    references: ["CKV2_AWS_65", S3_2023_DEFAULTS],
    types: T.bucket,
    configSchema: { properties: REQUIRE_EXPLICIT },
    validateStack(args, report) {
      const explicit = args.getConfig<{ requireExplicit?: boolean }>().requireExplicit === true;
      eachBucket(args.resources, report, (b) => {
        const controls = bucketParts(args.resources, T.ownership, b);
        for (const o of controls) {
          const ownership = propsOf<BucketOwnershipControlsArgs>(o).rule?.objectOwnership;
          if (ownership !== "BucketOwnerEnforced")
            report(
              `${bucketLabel(b)}: objectOwnership is ${JSON.stringify(ownership)} on "${o.name}", so ACLs are enabled`,
              b.urn,
            );
        }
        if (controls.length === 0 && explicit)
          report(
            `${bucketLabel(b)} has no BucketOwnershipControls: S3's default disables ACLs on a new bucket, but ` +
              "requireExplicit asks for it in the program",
            b.urn,
          );
      });
    },
  }),
  stackPolicy({
    name: "aws-s3-lifecycle",
    area: "aws",
    severity: "low",
    description: "Every S3 bucket has a lifecycle rule (non-current versions, incomplete multipart uploads).",
    remediationSteps:
      "Add a BucketLifecycleConfiguration expiring non-current versions and aborting incomplete uploads.",
    references: ["CKV2_AWS_61"],
    types: T.bucket,
    validateStack(args, report) {
      eachBucket(args.resources, report, (b, bucket) => {
        const has =
          bucketParts(args.resources, T.lifecycle, b).length > 0 ||
          oneOrMany(ifKnown(() => bucket.lifecycleRules)).length > 0;
        if (!has) report(`${bucketLabel(b)} has no lifecycle configuration`, b.urn);
      });
    },
  }),
];
