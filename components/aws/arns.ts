// The ARN shapes AWS components accept, written once: a pattern and the words an error shows for it.
import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core";

/** One accepted ARN shape. */
export interface ArnPattern {
  readonly pattern: RegExp;
  /** What is accepted, in the words of an error message. */
  readonly expected: string;
}

/** A customer-managed KMS key (not an alias: grants and key policies need the key itself). */
export const KMS_KEY_ARN: ArnPattern = {
  pattern: /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
  expected: "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)",
};

/** A named IAM role, user or the account root: the principals a key policy may name [CKV_AWS_33]. */
export const IAM_PRINCIPAL_ARN: ArnPattern = {
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/,
  expected: "an IAM role, user or account ARN (arn:aws:iam::<account>:role/...)",
};

/** An IAM role, path allowed; the role's name is the last path segment. */
export const IAM_ROLE_ARN: ArnPattern = {
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/,
  expected: "an IAM role name or ARN (arn:aws:iam::<account>:role/<name>)",
};

/** An IAM role name as `iam.RolePolicy` takes it. */
export const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A Secrets Manager secret (optionally naming a JSON key) or an SSM parameter. */
export const SECRET_REFERENCE_ARN: ArnPattern = {
  pattern:
    /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/,
  expected: "a Secrets Manager secret ARN or an SSM parameter ARN",
};

/** An ACM certificate. */
export const ACM_CERTIFICATE_ARN: ArnPattern = {
  pattern: /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/,
  expected: "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
};

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
  return v.matches(field, value, arn.pattern, arn.expected);
}

/** The role name in a role name or role ARN (`arn:aws:iam::1:role/path/app` → `app`). */
export function roleNameOf(nameOrArn: string): string {
  const m = IAM_ROLE_ARN.pattern.exec(nameOrArn);
  return m ? m[1] : nameOrArn;
}
