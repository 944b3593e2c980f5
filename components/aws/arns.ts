// The ARN and id shapes AWS components accept, written once: a pattern, the words an error shows for it,
// and the diagnosis of a value that does not match (which part of the ARN or id is wrong).
import * as pulumi from "@pulumi/pulumi";
import { Shape, Validator, arnShape, awsIdShape } from "../core";

/** One accepted ARN shape. */
export type ArnPattern = Shape;

/** A customer-managed KMS key (not an alias: grants and key policies need the key itself). */
export const KMS_KEY_ARN: ArnPattern = arnShape({
  service: "kms",
  regional: true,
  resource: /key\/[a-f0-9-]+/,
  resourceWords: "key/<key id> (the key itself, not an alias)",
  expected: "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)",
});

/** A named IAM role, user or the account root: the principals a key policy may name [CKV_AWS_33]. */
export const IAM_PRINCIPAL_ARN: ArnPattern = arnShape({
  service: "iam",
  regional: false,
  resource: /root|role\/.+|user\/.+/,
  resourceWords: "root, role/<name> or user/<name>",
  expected: "an IAM role, user or account ARN (arn:aws:iam::<account>:role/<name>)",
});

/** An IAM role, path allowed; the role's name is the last path segment. */
export const IAM_ROLE_ARN: ArnPattern = arnShape({
  service: "iam",
  regional: false,
  resource: /role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})/,
  resourceWords: "role/<path>/<name>, the name 1-64 letters, digits and + = , . @ _ -",
  expected: "an IAM role name or ARN (arn:aws:iam::<account>:role/<name>)",
});

/** An IAM role name as `iam.RolePolicy` takes it. */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A Secrets Manager secret (optionally naming a JSON key) or an SSM parameter. */
export const SECRET_REFERENCE_ARN: ArnPattern = arnShape({
  service: ["secretsmanager", "ssm"],
  regional: true,
  resource: /secret:.+|parameter\/.+/,
  resourceWords: "secret:<name> (Secrets Manager) or parameter/<name> (SSM)",
  expected:
    "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or an SSM " +
    "parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)",
  pattern:
    /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/,
});

/** An ACM certificate. */
export const ACM_CERTIFICATE_ARN: ArnPattern = arnShape({
  service: "acm",
  regional: true,
  resource: /certificate\/[A-Za-z0-9-]+/,
  resourceWords: "certificate/<id>",
  expected: "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
});

/** A VPC id. */
export const VPC_ID: Shape = awsIdShape("vpc", "a VPC id", "vpc-0a1b2c3d4e5f67890");

/** A security group id. */
export const SECURITY_GROUP_ID: Shape = awsIdShape("sg", "a security group id", "sg-0a1b2c3d4e5f67890");

/**
 * Checks a value against one shape now when it is known, and once known when it is an Output: returns the
 * checked value, for the child that takes it.
 */
export function matchArn<T extends pulumi.Input<string> | undefined>(
  v: Validator,
  field: string,
  value: T,
  arn: ArnPattern,
): T {
  return v.shape(field, value, arn);
}

/** The role name in a role name or role ARN (`arn:aws:iam::1:role/path/app` → `app`). */
export function roleNameOf(nameOrArn: string): string {
  const m = IAM_ROLE_ARN.pattern.exec(nameOrArn);
  return m ? m[1] : nameOrArn;
}
