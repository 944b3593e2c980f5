// EncryptionKey: a customer-managed KMS key that rotates, with an alias and a key policy naming who
// administers it, who uses it and which AWS services may use it — never a `*` principal.
import * as pulumi from "@pulumi/pulumi";
import * as kms from "@pulumi/aws/kms";
import * as iam from "@pulumi/aws/iam";
import {
  Environment,
  Validator,
  childName,
  knownValue,
  protectStateful,
  resolveProfile,
  Tags,
  weakenedAgainstProfile,
} from "../core";
import { awsTags } from "./tags";
import { awsContext, withWeakened } from "./common";
import { KEY_SERVICES, KeyService, keyPolicy, keyUsePolicy } from "./documents";

export interface EncryptionKeyArgs {
  /**
   * Environment profile: decides `protect` on the key.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for the key. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /**
   * What the key protects, shown in the console.
   * @default - "Groundwork key <name>"
   */
  readonly description?: pulumi.Input<string>;
  /**
   * IAM ARNs allowed to manage (not use) the key. The account root is always an administrator and user,
   * so IAM policies can grant the key and the account cannot lock itself out.
   * @default - only the account root
   */
  readonly administrators?: pulumi.Input<string>[];
  /**
   * IAM ARNs allowed to encrypt and decrypt with the key. Outputs are checked when they resolve, like
   * `administrators`: a `*` or anything but a role, user or account root fails the deployment.
   * @default - none; grant later with `grantEncryptDecrypt(role)`
   */
  readonly users?: pulumi.Input<string>[];
  /**
   * AWS services that use the key on the account's behalf: `"logs"`, `"s3"`, `"rds"`, `"ecs"`,
   * `"elasticloadbalancing"`, `"secretsmanager"`. CloudWatch Logs is limited to this account's log groups.
   * @default - none
   */
  readonly services?: KeyService[];
  /**
   * The alias, `alias/<name>`.
   * @default - `alias/<component name>-` with a unique suffix, so stacks sharing an account do not collide
   */
  readonly alias?: string;
  /**
   * Days between scheduling deletion and deletion. Below 30 is a weakened default: it is recorded in the
   * `groundwork-weakened` tag and the `weakened` output.
   * @default 30
   */
  readonly deletionWindowDays?: number;
  /**
   * Pulumi `protect` on the key. `false` where the profile protects (prod) is a weakened default,
   * recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
}

/** Refuses anything but a named IAM role, user or account root as a key policy principal [CKV_AWS_33]. */
function validatePrincipal(v: Validator, field: string, arn: string): void {
  if (arn === "*") v.fail(field, arn, "is a wildcard principal", "an IAM role, user or account ARN");
  v.matches(
    field,
    arn,
    /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/,
    "an IAM role, user or account ARN (arn:aws:iam::<account>:role/...)",
  );
}

/** A rotating customer-managed KMS key with an alias. */
export class EncryptionKey extends pulumi.ComponentResource {
  /** The key id. */
  public readonly keyId: pulumi.Output<string>;
  /** The key ARN, for `kmsKeyId` arguments and IAM policies. */
  public readonly arn: pulumi.Output<string>;
  /** The alias name (`alias/...`). */
  public readonly aliasName: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The raw key, for arguments that need the resource. */
  public readonly key: kms.Key;
  /** The AWS services the key policy lets use the key (components writing logs check for `"logs"`). */
  public readonly services: readonly KeyService[];

  private readonly tagSet: Tags;
  private readonly resourceName: string;
  private grants = 0;

  constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.EncryptionKey", name);
    const profile = resolveProfile(v, args.environment);
    const baseTags = awsTags(v, {
      environment: profile.environment,
      component: "aws.EncryptionKey",
      tags: args.tags,
    });
    const services = args.services ?? [];
    if (!Array.isArray(services))
      v.fail("services", services, "is not a list", `a list of ${KEY_SERVICES.join(", ")}`);
    services.forEach((s, i) => v.oneOf(`services[${i}]`, s, KEY_SERVICES));
    if (args.alias !== undefined) {
      if (
        typeof args.alias !== "string" ||
        !/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(args.alias) ||
        /^alias\/aws\//.test(args.alias)
      ) {
        v.fail(
          "alias",
          args.alias,
          "is not a valid key alias",
          "alias/ followed by 1-250 of [a-zA-Z0-9/_-], not alias/aws/",
        );
      }
    }
    const window = v.integer("deletionWindowDays", args.deletionWindowDays, 7, 30, 30);
    const protect = protectStateful(
      profile,
      v.boolean("protect", args.protect, profile.protect),
      opts?.protect,
    );
    // Known values fail here, before anything registers; Outputs are checked again once resolved, in the
    // apply that builds the policy, so a computed `*` can never reach it [CKV_AWS_33].
    for (const field of ["administrators", "users"] as const) {
      const list = args[field];
      if (list !== undefined && !Array.isArray(list))
        v.fail(field, list, "is not a list", "a list of IAM ARNs");
      (list ?? []).forEach((arn, i) => {
        const known = knownValue(arn);
        if (known !== undefined) validatePrincipal(v, `${field}[${i}]`, known);
      });
    }
    const weakened = [
      ...(window < 30 ? ["deletionWindowDays"] : []),
      ...weakenedAgainstProfile(profile, { protect }),
    ].sort();
    const tags = withWeakened(baseTags, weakened);

    super("groundwork:aws:EncryptionKey", name, {}, opts);
    this.tagSet = tags;
    this.resourceName = name;
    this.services = [...services];

    const ctx = awsContext(this);
    const policy = pulumi
      .all([ctx, pulumi.all(args.administrators ?? []), pulumi.all(args.users ?? [])])
      .apply(([c, administrators, users]) => {
        administrators.forEach((arn, i) => validatePrincipal(v, `administrators[${i}]`, arn));
        users.forEach((arn, i) => validatePrincipal(v, `users[${i}]`, arn));
        return JSON.stringify(keyPolicy({ ctx: c, administrators, users, services }));
      });

    this.key = new kms.Key(
      childName(name, "cmk"),
      {
        description: args.description ?? `Groundwork key ${name}`,
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: window,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        policy,
        tags,
      },
      { parent: this, protect },
    );
    const alias = new kms.Alias(
      childName(name, "alias"),
      {
        ...(args.alias !== undefined ? { name: args.alias } : { namePrefix: `alias/${name}-` }),
        targetKeyId: this.key.keyId,
      },
      { parent: this },
    );

    this.keyId = this.key.keyId;
    this.arn = this.key.arn;
    this.aliasName = alias.name;
    this.weakened = pulumi.output(weakened);
    this.registerOutputs({
      keyId: this.keyId,
      arn: this.arn,
      aliasName: this.aliasName,
      weakened: this.weakened,
    });
  }

  /**
   * Lets a role encrypt and decrypt with this key through an inline role policy (the key policy already
   * delegates to IAM through the account root). `id` names the child; defaults to a counter.
   */
  grantEncryptDecrypt(role: iam.Role, id?: string): iam.RolePolicy {
    const suffix = id ?? String(this.grants);
    this.grants += 1;
    return new iam.RolePolicy(
      childName(this.resourceName, "grant", suffix),
      { role: role.name, policy: this.arn.apply((arn) => JSON.stringify(keyUsePolicy(arn))) },
      { parent: this },
    );
  }

  /** The tags the key carries (for children that a caller adds next to it). */
  get tags(): Tags {
    return this.tagSet;
  }
}
