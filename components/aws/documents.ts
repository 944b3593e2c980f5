// IAM and resource policy documents the AWS components attach, as plain functions of plain values so
// they can be unit-tested without an engine (the components feed them resolved Outputs).

/** One IAM policy statement, in the shape AWS expects. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: { readonly [kind: string]: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: { readonly [op: string]: { readonly [key: string]: string | readonly string[] } };
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** The account-level facts policies are written against. */
export interface AwsContext {
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

/** `arn:<partition>:iam::<account>:root`: the account itself, which delegates key use to IAM policies. */
export function accountRootArn(ctx: AwsContext): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

/** The KMS actions a key administrator needs (manage, never use). */
export const KEY_ADMIN_ACTIONS: readonly string[] = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

/** The KMS actions a key user needs to encrypt and decrypt data. */
export const KEY_USER_ACTIONS: readonly string[] = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:DescribeKey",
];

/** Services a key may name as users, mapped to how the service principal is spelled. */
export const KEY_SERVICES = ["logs", "s3", "rds", "ecs", "elasticloadbalancing", "secretsmanager"] as const;
export type KeyService = (typeof KEY_SERVICES)[number];

/** The principal a service uses in a key policy; CloudWatch Logs is regional, the others global. */
export function servicePrincipal(service: KeyService, ctx: AwsContext): string {
  const suffix = ctx.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return service === "logs" ? `logs.${ctx.region}.${suffix}` : `${service}.${suffix}`;
}

/** What goes into a key policy. */
export interface KeyPolicyInput {
  readonly ctx: AwsContext;
  /** ARNs allowed to manage the key, besides the account root. */
  readonly administrators: readonly string[];
  /** ARNs allowed to use the key. */
  readonly users: readonly string[];
  /** AWS services that must use the key on the account's behalf. */
  readonly services: readonly KeyService[];
}

/** A key policy statement letting named IAM principals take `actions` on the key. */
function allowPrincipals(sid: string, principals: string | string[], actions: string[]): PolicyStatement {
  return { Sid: sid, Effect: "Allow", Principal: { AWS: principals }, Action: actions, Resource: "*" };
}

/**
 * A key policy with no `*` principal [CKV_AWS_33]: administrators manage, users use, and each named
 * service may use the key only for resources of this account (CloudWatch Logs further restricted by the
 * log-group encryption context).
 */
export function keyPolicy(input: KeyPolicyInput): PolicyDocument {
  const { ctx } = input;
  // The account root keeps administration and use, so IAM policies (and the key's grants) can grant the
  // key and the key can never lock its own account out. Explicit actions, never `kms:*`.
  const statements: PolicyStatement[] = [
    allowPrincipals("EnableIamPolicies", accountRootArn(ctx), [...KEY_ADMIN_ACTIONS, ...KEY_USER_ACTIONS]),
  ];
  if (input.administrators.length > 0)
    statements.push(allowPrincipals("KeyAdministration", [...input.administrators], [...KEY_ADMIN_ACTIONS]));
  if (input.users.length > 0)
    statements.push(allowPrincipals("KeyUse", [...input.users], [...KEY_USER_ACTIONS]));
  for (const service of [...new Set(input.services)]) {
    const condition: PolicyStatement["Condition"] =
      service === "logs"
        ? {
            ArnLike: {
              "kms:EncryptionContext:aws:logs:arn": `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
            },
          }
        : { StringEquals: { "aws:SourceAccount": ctx.accountId } };
    statements.push({
      Sid: `Service${service.charAt(0).toUpperCase()}${service.slice(1)}`,
      Effect: "Allow",
      Principal: { Service: servicePrincipal(service, ctx) },
      Action: [...KEY_USER_ACTIONS],
      Resource: "*",
      Condition: condition,
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** The statement every bucket policy starts with: refuse any request not made over TLS. */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** A TLS-only bucket policy. The `*` principal appears only in a Deny, which narrows access. */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
  return { Version: "2012-10-17", Statement: [denyInsecureTransport(bucketArn)] };
}

/** Who may deliver logs into a log-target bucket. */
export interface LogDelivery {
  /** S3 server access logs (`logging.s3.amazonaws.com`). */
  readonly s3ServerAccessLogs?: boolean;
  /**
   * Load balancer access logs: the log-delivery service principal (regions opened since 2022) and the
   * region's Elastic Load Balancing account (older regions), when given.
   */
  readonly loadBalancer?: boolean;
  readonly elbAccountArn?: string;
}

/**
 * The policy of a log-target bucket: TLS only, and each named log-delivery service may write objects
 * on behalf of this account only. With BucketOwnerEnforced, ACL-based log delivery no longer works; a
 * bucket policy is the only way.
 */
export function logBucketPolicy(bucketArn: string, ctx: AwsContext, delivery: LogDelivery): PolicyDocument {
  const statements: PolicyStatement[] = [denyInsecureTransport(bucketArn)];
  const sourceAccount = { StringEquals: { "aws:SourceAccount": ctx.accountId } };
  if (delivery.s3ServerAccessLogs) {
    statements.push({
      Sid: "AllowS3ServerAccessLogs",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/*`,
      Condition: sourceAccount,
    });
  }
  if (delivery.loadBalancer) {
    statements.push({
      Sid: "AllowLoadBalancerAccessLogs",
      Effect: "Allow",
      Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/AWSLogs/${ctx.accountId}/*`,
      Condition: sourceAccount,
    });
    if (delivery.elbAccountArn) {
      statements.push({
        Sid: "AllowLoadBalancerAccountAccessLogs",
        Effect: "Allow",
        Principal: { AWS: delivery.elbAccountArn },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/AWSLogs/${ctx.accountId}/*`,
      });
    }
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** A trust policy letting one AWS service assume a role, for this account's resources only. */
export function assumeRolePolicy(service: string, ctx: AwsContext): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
      },
    ],
  };
}

/** Read access to one bucket, and decrypt with its key. */
export function bucketReadPolicy(bucketArn: string, keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListBucket",
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetBucketLocation"],
        Resource: bucketArn,
      },
      {
        Sid: "ReadObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: `${bucketArn}/*`,
      },
      {
        Sid: "DecryptWithBucketKey",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:DescribeKey"],
        Resource: keyArn,
      },
    ],
  };
}

/** Write access to one bucket, and encryption with its key. */
export function bucketWritePolicy(bucketArn: string, keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "WriteObjects",
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
        Resource: `${bucketArn}/*`,
      },
      {
        Sid: "EncryptWithBucketKey",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"],
        Resource: keyArn,
      },
    ],
  };
}

/** Encrypt/decrypt with one key, for a role that was not named in the key policy. */
export function keyUsePolicy(keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "UseKey", Effect: "Allow", Action: [...KEY_USER_ACTIONS], Resource: keyArn }],
  };
}

/** Decrypt with one key (and describe it), nothing more: for readers of data the key protects. */
export function keyDecryptPolicy(keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DecryptWithKey",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:DescribeKey"],
        Resource: keyArn,
      },
    ],
  };
}

/** What a VPC flow log role may do: write to its one log group. */
export function flowLogWritePolicy(logGroupArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroupArn, `${logGroupArn}:*`],
      },
    ],
  };
}

/** What a Fargate execution role may do: pull the image, write its log group, read its named secrets. */
export function executionRolePolicy(input: {
  readonly logGroupArn: string;
  readonly secretArns: readonly string[];
  readonly parameterArns: readonly string[];
  readonly keyArn: string;
  /** Customer keys encrypting the named secrets; decrypt is allowed only through SSM and Secrets Manager. */
  readonly secretKeyArns?: readonly string[];
  /** The region of those services (required with `secretKeyArns`). */
  readonly region?: string;
}): PolicyDocument {
  const statements: PolicyStatement[] = [
    // GetAuthorizationToken has no resource-level permissions; AWS documents "*" as the only resource.
    { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    {
      Sid: "EcrPull",
      Effect: "Allow",
      Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
      Resource: "*",
    },
    {
      Sid: "WriteLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [input.logGroupArn, `${input.logGroupArn}:*`],
    },
  ];
  if (input.secretArns.length > 0) {
    statements.push({
      Sid: "ReadSecrets",
      Effect: "Allow",
      Action: "secretsmanager:GetSecretValue",
      Resource: [...input.secretArns],
    });
  }
  if (input.parameterArns.length > 0) {
    statements.push({
      Sid: "ReadParameters",
      Effect: "Allow",
      Action: ["ssm:GetParameters", "ssm:GetParameter"],
      Resource: [...input.parameterArns],
    });
  }
  const secretKeys = input.secretKeyArns ?? [];
  if (secretKeys.length > 0) {
    statements.push({
      Sid: "DecryptSecrets",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: [...secretKeys],
      // Only as part of a secret or parameter read, never a direct Decrypt call.
      Condition: {
        StringEquals: {
          "kms:ViaService": [
            `secretsmanager.${input.region}.amazonaws.com`,
            `ssm.${input.region}.amazonaws.com`,
          ],
        },
      },
    });
  }
  statements.push({
    Sid: "DecryptWithServiceKey",
    Effect: "Allow",
    Action: "kms:Decrypt",
    Resource: input.keyArn,
  });
  return { Version: "2012-10-17", Statement: statements };
}

/**
 * IAM database authentication for one user of one RDS instance: `rds-db:connect` on
 * `arn:<partition>:rds-db:<region>:<account>:dbuser:<DbiResourceId>/<user>`, nothing wider.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html
 */
export function rdsConnectPolicy(ctx: AwsContext, resourceId: string, user: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ConnectAsUser",
        Effect: "Allow",
        Action: ["rds-db:connect"],
        Resource: `arn:${ctx.partition}:rds-db:${ctx.region}:${ctx.accountId}:dbuser:${resourceId}/${user}`,
      },
    ],
  };
}
