// AWS physical name rules, their lengths from facts/aws/limits.json. Pure data and checks, no provider SDK,
// so core's deprecated by-kind naming API can load it without loading AWS.
import { DerivedName, NameRule, childName } from "../core/naming";
import { awsLimit } from "./locations";

/** A name length limit from facts/aws/limits.json (`names.<key>`), each with its source there. */
const maxOf = (key: string): number => awsLimit(`names.${key}`).value;

/** S3 bucket names (general purpose buckets), with the prefixes and suffixes S3 reserves. */
export const S3_BUCKET_NAME: NameRule = {
  id: "s3Bucket",
  minLength: 3,
  maxLength: maxOf("s3Bucket"),
  pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
  description:
    "3-63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter or " +
    "digit, not shaped like an IP address, no '..', not starting with 'xn--' or 'sthree-', not ending in " +
    "'-s3alias' or '--ol-s3'",
  extra: (n) => {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(n)) return "is shaped like an IP address";
    if (n.includes("..")) return "contains '..'";
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(n)) return "starts with a reserved prefix";
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(n)) return "ends with a reserved suffix";
    return undefined;
  },
  sanitize: (s) => s.replace(/[^a-z0-9.-]/g, "-").replace(/\.{2,}/g, "."),
  // The prefixes S3 reserves survive sanitising ('xn--' does not: hyphens are collapsed); move them off the front.
  fixStart: (s) => (/^(sthree-|amzn-s3-demo-)/.test(s) ? `b-${s}` : s),
};

/** Load balancer and target group names. */
export const ELB_NAME: NameRule = {
  id: "elbName",
  minLength: 1,
  maxLength: maxOf("elb"),
  pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
  description:
    "1-32 letters, digits and hyphens, not starting or ending with a hyphen, not starting with 'internal-'",
  extra: (n) => (n.startsWith("internal-") ? "starts with the reserved prefix 'internal-'" : undefined),
};

/** IAM role names (role policy names allow the same characters, and twice the length). */
export const IAM_ROLE_NAME_RULE: NameRule = {
  id: "iamRoleName",
  minLength: 1,
  maxLength: maxOf("iamRole"),
  pattern: /^[\w+=,.@-]+$/,
  description: "1-64 letters, digits and + = , . @ _ -",
};

/** IAM managed policy and inline role policy names. */
export const IAM_POLICY_NAME: NameRule = {
  ...IAM_ROLE_NAME_RULE,
  id: "iamPolicyName",
  maxLength: maxOf("iamPolicy"),
  description: "1-128 letters, digits and + = , . @ _ -",
};

/** KMS alias names, `alias/` included. */
export const KMS_ALIAS_NAME: NameRule = {
  id: "kmsAlias",
  minLength: 7,
  maxLength: maxOf("kmsAlias"),
  pattern: /^alias\/[a-zA-Z0-9/_-]+$/,
  description: "alias/ followed by 1-250 of [a-zA-Z0-9/_-], not alias/aws/",
  extra: (n) => (n.startsWith("alias/aws/") ? "uses the prefix alias/aws/ AWS reserves" : undefined),
};

/** ECS cluster and service names and task definition families. */
export const ECS_NAME: NameRule = {
  id: "ecsName",
  minLength: 1,
  maxLength: maxOf("ecs"),
  pattern: /^[A-Za-z0-9_-]+$/,
  description: "1-255 letters, digits, hyphens and underscores",
};

/** CloudWatch log group names. */
export const LOG_GROUP_NAME: NameRule = {
  id: "logGroupName",
  minLength: 1,
  maxLength: maxOf("logGroup"),
  pattern: /^[.\-_/#A-Za-z0-9]+$/,
  description: "1-512 letters, digits and . - _ / #",
};

/** VPC security group names. */
export const SECURITY_GROUP_NAME: NameRule = {
  id: "securityGroupName",
  minLength: 1,
  maxLength: maxOf("securityGroup"),
  pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
  description: "1-255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with 'sg-'",
  extra: (n) => (n.startsWith("sg-") ? "starts with the reserved prefix 'sg-'" : undefined),
};

/** RDS parameter group names (the provider lowercases an auto-name first). */
export const RDS_PARAMETER_GROUP_NAME: NameRule = {
  id: "rdsParameterGroupName",
  minLength: 1,
  maxLength: maxOf("rdsGroup"),
  pattern: /^[a-z][a-z0-9-]*$/,
  description: "1-255 letters, digits and hyphens, starting with a letter, no '--', not ending with '-'",
  extra: (n) => (n.includes("--") || n.endsWith("-") ? "has '--' or ends with '-'" : undefined),
};

/** RDS DB subnet group names (the provider lowercases an auto-name first). */
export const RDS_SUBNET_GROUP_NAME: NameRule = {
  id: "rdsSubnetGroupName",
  minLength: 1,
  maxLength: maxOf("rdsGroup"),
  pattern: /^[ .0-9a-z_-]+$/,
  description: "1-255 letters, digits, spaces and . _ -",
};

/**
 * A child Pulumi auto-names (`<logical name>-` and 7 random characters), for `validateDerivedNames`.
 * `lowercased` where the provider lowercases the auto-name (S3 buckets, RDS groups).
 */
export function autoNamed(what: string, rule: NameRule, suffix: string, lowercased = false): DerivedName {
  const prefix = (n: string): string => `${childName(n, suffix)}-`;
  return { what, rule, prefix: lowercased ? (n) => prefix(n).toLowerCase() : prefix, random: 7 };
}

/**
 * The alias of a key made without one: `alias/<name>-` and 26 unique characters. `suffix` is the child
 * name's (`key` for the `<name>-key` a component creates); absent for an EncryptionKey itself.
 */
export function keyAliasNamed(...suffix: string[]): DerivedName {
  return {
    what: "the key alias",
    rule: KMS_ALIAS_NAME,
    prefix: (n) => `alias/${childName(n, ...suffix)}-`,
    random: 26,
  };
}
