// EncryptionKey: a customer-managed KMS key that rotates, with an alias and a key policy naming who
// administers it, who uses it and which AWS services may use it — never a `*` principal.
import * as pulumi from "@pulumi/pulumi";
import * as kms from "@pulumi/aws/kms";
import { Tags, Validator, childName, fittedNameArg, resolveProfile } from "../../core";
import { awsContext, outputProperties } from "../common";
import { KeyService, keyDecryptPolicy, keyPolicy, keyUsePolicy } from "../documents";
import { AwsGrant, AwsGrants, GranteeLike } from "../grants";
import { keyAliasNamed } from "../naming";
import {
  EncryptionKeyArgs,
  ResolvedEncryptionKeyArgs,
  resolveEncryptionKeyArgs,
  validatePrincipal,
} from "./args";

export { EncryptionKeyArgs } from "./args";

/**
 * The alias: the caller's; else `alias/<name>-` and the unique suffix KMS adds, or, when that would pass
 * 256 characters, a fixed shortened name.
 */
function aliasNameArg(name: string, alias: string | undefined): { name?: string; namePrefix?: string } {
  if (alias !== undefined) return { name: alias };
  const fitted = fittedNameArg("name", keyAliasNamed(), name);
  return fitted.name !== undefined ? fitted : { namePrefix: `alias/${name}-` };
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
  private readonly grants: AwsGrants;

  constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.EncryptionKey", name);
    const r = resolveEncryptionKeyArgs(v, args, resolveProfile(v, args?.environment), opts?.protect);
    super("groundwork:aws:EncryptionKey", name, {}, opts);
    this.tagSet = r.tags;
    this.services = r.services;
    this.grants = new AwsGrants(this, name, () => v, r.tags);
    this.key = new kms.Key(
      childName(name, "cmk"),
      {
        description: r.description ?? `Groundwork key ${name}`,
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: r.deletionWindowDays,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        policy: this.policy(v, r),
        tags: r.tags,
      },
      { parent: this, protect: r.protect },
    );
    const alias = new kms.Alias(
      childName(name, "alias"),
      {
        ...aliasNameArg(name, r.alias),
        targetKeyId: this.key.keyId,
      },
      { parent: this },
    );
    this.keyId = this.key.keyId;
    this.arn = this.key.arn;
    this.aliasName = alias.name;
    this.weakened = pulumi.output(r.weakened);
    this.registerOutputs(outputProperties(this));
  }

  /** The key policy; principals given as Outputs are checked once they resolve [CKV_AWS_33]. */
  private policy(v: Validator, r: ResolvedEncryptionKeyArgs): pulumi.Output<string> {
    return pulumi
      .all([awsContext(this), pulumi.all(r.administrators), pulumi.all(r.users)])
      .apply(([c, administrators, users]) => {
        administrators.forEach((arn, i) => validatePrincipal(v, `administrators[${i}]`, arn));
        users.forEach((arn, i) => validatePrincipal(v, `users[${i}]`, arn));
        return JSON.stringify(keyPolicy({ ctx: c, administrators, users, services: r.services }));
      });
  }

  /**
   * Lets a grantee encrypt and decrypt with this key through a managed policy attached to its role (the key
   * policy already delegates to IAM through the account root). The children are `<name>-grant-<id>` and
   * `<name>-grant-<id>-attachment`.
   * @param id defaults to `<granteeName>-encrypt-decrypt`
   */
  grantEncryptDecrypt(grantee: GranteeLike, id?: string): AwsGrant {
    const policy = this.arn.apply((arn) => JSON.stringify(keyUsePolicy(arn)));
    return this.grants.attach(grantee, "encryptDecrypt", id, policy);
  }

  /**
   * Lets a grantee decrypt with this key (and describe it), nothing more: a managed policy
   * `<name>-grant-<id>` attached to its role (`<name>-grant-<id>-attachment`).
   * @param id defaults to `<granteeName>-decrypt`
   */
  grantDecrypt(grantee: GranteeLike, id?: string): AwsGrant {
    const policy = this.arn.apply((arn) => JSON.stringify(keyDecryptPolicy(arn)));
    return this.grants.attach(grantee, "decrypt", id, policy);
  }

  /** The tags the key carries (for children that a caller adds next to it). */
  get tags(): Tags {
    return this.tagSet;
  }
}
