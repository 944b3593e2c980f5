// EncryptionKey arguments and their pure resolution: every default applied and every weakening named,
// before anything registers.
import * as pulumi from "@pulumi/pulumi";
import {
  Environment,
  EnvironmentProfile,
  Tags,
  Validator,
  argKeys,
  knownValue,
  nameProblemFor,
  protectStateful,
  strictArgs,
  validateDerivedNames,
  weakenedAgainstProfile,
} from "../../core";
import { KMS_ALIAS_NAME, keyAliasNamed } from "../naming";
import { awsTags } from "../tags";
import { IAM_PRINCIPAL_ARN, matchArn } from "../arns";
import { ResolvedCommon, resolvedCommon } from "../common";
import { KEY_SERVICES, KeyService } from "../documents";

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
   * @default - none; grant later with `grantEncryptDecrypt(grantee)` or `grantDecrypt(grantee)`
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

/** The keys of {@link EncryptionKeyArgs}, checked against it by the compiler; any other key is refused. */
export const ENCRYPTION_KEY_ARG_KEYS = argKeys<EncryptionKeyArgs>()([
  "environment",
  "tags",
  "description",
  "administrators",
  "users",
  "services",
  "alias",
  "deletionWindowDays",
  "protect",
]);

/** EncryptionKey arguments with every default applied. */
export interface ResolvedEncryptionKeyArgs extends ResolvedCommon {
  readonly description: pulumi.Input<string> | undefined;
  readonly administrators: pulumi.Input<string>[];
  readonly users: pulumi.Input<string>[];
  readonly services: KeyService[];
  /** The fixed alias, or undefined for `alias/<name>-` with a unique suffix. */
  readonly alias: string | undefined;
  readonly deletionWindowDays: number;
}

/** Refuses anything but a named IAM role, user or account root as a key policy principal [CKV_AWS_33]. */
export function validatePrincipal(v: Validator, field: string, arn: string): void {
  if (arn === "*") v.fail(field, arn, "is a wildcard principal", "an IAM role, user or account ARN");
  matchArn(v, field, arn, IAM_PRINCIPAL_ARN);
}

/** Validates the principal lists now where their values are known (Outputs are checked on resolve). */
function principalList(
  v: Validator,
  field: "administrators" | "users",
  list: unknown,
): pulumi.Input<string>[] {
  if (list !== undefined && !Array.isArray(list)) v.fail(field, list, "is not a list", "a list of IAM ARNs");
  const out = (list ?? []) as pulumi.Input<string>[];
  out.forEach((arn, i) => {
    const known = knownValue(arn);
    if (known !== undefined) validatePrincipal(v, `${field}[${i}]`, known);
  });
  return out;
}

/** Resolves EncryptionKey arguments; throws a GroundworkInputError on bad input. */
export function resolveEncryptionKeyArgs(
  v: Validator,
  args: EncryptionKeyArgs,
  profile: EnvironmentProfile,
  inheritedProtect?: boolean,
): ResolvedEncryptionKeyArgs {
  strictArgs(v, args, ENCRYPTION_KEY_ARG_KEYS);
  const baseTags = awsTags(v, {
    environment: profile.environment,
    component: "aws.EncryptionKey",
    tags: args.tags,
  });
  const services = args.services ?? [];
  if (!Array.isArray(services))
    v.fail("services", services, "is not a list", `a list of ${KEY_SERVICES.join(", ")}`);
  services.forEach((s, i) => v.oneOf(`services[${i}]`, s, KEY_SERVICES));
  if (args.alias !== undefined && nameProblemFor(KMS_ALIAS_NAME, args.alias) !== undefined)
    v.fail("alias", args.alias, "is not a valid key alias", KMS_ALIAS_NAME.description);
  // Without an alias, one is made from the component name: `alias/<name>-` and a unique suffix.
  else if (args.alias === undefined) validateDerivedNames(v, [keyAliasNamed()]);
  v.stringInput("description", args.description, "a description of the key");
  const window = v.integer("deletionWindowDays", args.deletionWindowDays, 7, 30, 30);
  const protect = protectStateful(
    profile,
    v.boolean("protect", args.protect, profile.protect),
    inheritedProtect,
  );
  // Known values fail here, before anything registers; Outputs are checked again once resolved, in the
  // apply that builds the policy, so a computed `*` can never reach it [CKV_AWS_33].
  const administrators = principalList(v, "administrators", args.administrators);
  const users = principalList(v, "users", args.users);
  const weakened = [
    ...(window < 30 ? ["deletionWindowDays"] : []),
    ...weakenedAgainstProfile(profile, { protect }),
  ];
  return {
    ...resolvedCommon(profile, { base: baseTags, caller: args.tags }, protect, weakened),
    description: args.description,
    administrators,
    users,
    services: [...services],
    alias: args.alias,
    deletionWindowDays: window,
  };
}
