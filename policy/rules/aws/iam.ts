// AWS IAM rules: no administrator or role-passing grants on every resource, no permissions on users, no
// trust policy open to everyone, no long-lived keys.
import type { AccountPasswordPolicyArgs, PolicyArgs, PolicyAttachmentArgs, RoleArgs } from "@pulumi/aws/iam";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs, oneOrMany, records } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { T } from "./resource-types";
import { Statement, allows, coversAction, onEveryResource, publicPolicyRule, sidOf } from "./documents";

/** Resources that carry identity-policy documents: managed and inline policies, and roles' `inlinePolicies`. */
const IDENTITY_DOCUMENTS = [...T.iamPolicyDocs, ...T.role];

/** The identity-policy documents a resource carries: a policy's `policy`, a role's `inlinePolicies`. */
function identityDocuments(args: ResourceValidationArgs): unknown[] {
  const single = inputsOf<PolicyArgs>(args, T.iamPolicyDocs);
  if (single) return [single.policy];
  return records(inputsOf<RoleArgs>(args, T.role)?.inlinePolicies).map((p) => p.policy);
}

/** The Allow statements on `"*"` of every identity document the resource carries. */
function grantsOnEverything(args: ResourceValidationArgs): Statement[] {
  return identityDocuments(args).flatMap(allows).filter(onEveryResource);
}

function actionsOf(s: Statement): string[] {
  return oneOrMany(s.Action).map(String);
}

export const iamRules: ResourceRule[] = [
  {
    name: "aws-iam-no-wildcard-admin",
    area: "aws",
    severity: "high",
    description:
      "IAM policies (managed, inline on a role, user or group, and a role's `inlinePolicies`) must not allow `*` actions (or `service:*`) on `*` resources.",
    remediationSteps: "List the actions the workload calls and the ARNs it touches.",
    references: ["CKV_AWS_62", "CKV_AWS_63", "CIS AWS 1.16", "AWS FSBP IAM.1", "AWS FSBP IAM.21"],
    types: IDENTITY_DOCUMENTS,
    validateResource(args, report) {
      for (const s of grantsOnEverything(args)) {
        const actions = actionsOf(s);
        if (actions.some((a) => a === "*" || a.endsWith(":*")))
          report(`statement ${sidOf(s)} allows ${actions.join(", ")} on "*"`);
      }
    },
  },
  {
    name: "aws-iam-no-passrole-wildcard",
    area: "aws",
    severity: "high",
    description:
      "IAM policies must not allow `iam:PassRole` on `*`: whoever holds it can hand any role, an administrator's included, to a service they control.",
    remediationSteps:
      'Name the role ARNs that may be passed, and add `Condition: { StringEquals: { "iam:PassedToService": "<service>" } }`.',
    references: ["CKV_AWS_286", "Groundwork BASELINE identities"],
    types: IDENTITY_DOCUMENTS,
    validateResource(args, report) {
      for (const s of grantsOnEverything(args)) {
        const actions = actionsOf(s);
        // `*` and `iam:*` on `*` are the admin rule's finding; this one is about narrower grants.
        if (actions.some((a) => a === "*" || a.toLowerCase() === "iam:*")) continue;
        const pass = actions.filter((a) => coversAction(a, "iam:PassRole"));
        if (pass.length > 0) report(`statement ${sidOf(s)} allows ${pass.join(", ")} on "*"`);
      }
    },
  },
  {
    name: "aws-iam-no-user-policies",
    area: "aws",
    severity: "medium",
    description:
      "IAM permissions are not attached to users (UserPolicy, UserPolicyAttachment, PolicyAttachment with `users`): people get them through groups or roles.",
    remediationSteps:
      "Attach the policy to a group the user belongs to, or to a role the user assumes (SSO permission sets).",
    references: ["CKV_AWS_40", "CIS AWS 1.15", "AWS FSBP IAM.2"],
    types: [...T.userPolicy, ...T.userPolicyAttachment, ...T.policyAttachment],
    validateResource(args, report) {
      if (isOfType(args, [...T.userPolicy, ...T.userPolicyAttachment]))
        report("a policy is attached directly to a user");
      const users = oneOrMany(inputsOf<PolicyAttachmentArgs>(args, T.policyAttachment)?.users);
      if (users.length > 0) report(`the policy attachment includes ${users.length} user(s)`);
    },
  },
  publicPolicyRule({
    name: "aws-iam-trust-no-public-principal",
    what: "IAM role trust policies (`assumeRolePolicy`)",
    types: T.role,
    field: "assumeRolePolicy",
    references: ["CKV_AWS_60"],
  }),
  {
    name: "aws-iam-password-policy",
    area: "aws",
    severity: "medium",
    description:
      "An account password policy the program sets asks for passwords of at least 14 characters and prevents reuse " +
      "of the last 24 (CIS AWS 1.8, 1.9). Composition rules and forced expiry are not asked for: NIST SP 800-63B " +
      "advises against them, and CIS AWS v3 dropped them.",
    remediationSteps: "Set `minimumPasswordLength: 14` (or more) and `passwordReusePrevention: 24`.",
    references: [
      "CKV_AWS_10",
      "CKV_AWS_13",
      "CIS AWS 1.8",
      "CIS AWS 1.9",
      "AWS FSBP IAM.15",
      "AWS FSBP IAM.16",
    ],
    configSchema: {
      properties: {
        minimumLength: {
          type: "integer",
          minimum: 8,
          default: 14,
          description: "Shortest password length accepted.",
        },
        minimumReusePrevention: {
          type: "integer",
          minimum: 1,
          maximum: 24,
          default: 24,
          description: "Fewest previous passwords a user may not reuse.",
        },
      },
    },
    validateResource: onInputs<AccountPasswordPolicyArgs>(T.accountPasswordPolicy, (policy, report, args) => {
      const config = args.getConfig<{ minimumLength?: number; minimumReusePrevention?: number }>();
      const length = policy.minimumPasswordLength ?? 6;
      const reuse = policy.passwordReusePrevention ?? 0;
      if (length < (config.minimumLength ?? 14))
        report(`minimumPasswordLength is ${length} (at least ${config.minimumLength ?? 14})`);
      if (reuse < (config.minimumReusePrevention ?? 24))
        report(
          `passwordReusePrevention is ${reuse || "unset (reuse allowed)"} (at least ${config.minimumReusePrevention ?? 24})`,
        );
    }),
  },
  {
    name: "aws-iam-no-access-keys",
    area: "aws",
    severity: "high",
    description: "Programs must not create long-lived IAM access keys.",
    remediationSteps: "Use roles (IRSA, task roles, OIDC federation for CI) instead of access keys.",
    references: ["CIS AWS 1.14", "Groundwork BASELINE identities"],
    types: T.accessKey,
    validateResource(args, report) {
      if (isOfType(args, T.accessKey)) report("an IAM access key is created");
    },
  },
];
