// AWS Secrets Manager rules: secrets rotate, are encrypted under a customer-managed key (the one key
// decision, ../keys.ts), are not readable by `*`, and their values are generated or set outside the program,
// not written into it.
import type { SecretArgs, SecretVersionArgs } from "@pulumi/aws/secretsmanager";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { onInputs, propsOf, record } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { ifKnown } from "../../runtime/unknowns";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey, namesCustomerKey } from "../keys";
import { T } from "./resource-types";
import { publicPolicyRule } from "./documents";

export const secretsManagerRules: ResourceRule[] = [
  {
    name: "aws-secretsmanager-cmk",
    area: "aws",
    severity: "high",
    description:
      "Secrets Manager secrets are encrypted under a customer-managed KMS key. Secrets Manager always encrypts, by " +
      "default under the AWS-managed key aws/secretsmanager, which cannot be shared across accounts or restricted; " +
      "`customerManagedKey: false` accepts it.",
    remediationSteps:
      "Set `kmsKeyId` to a customer-managed key whose policy lets the secret's readers decrypt.",
    references: ["CKV_AWS_149"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<SecretArgs>(T.secret, (secret, report, args) => {
      if (!asksForKey(args, record(secret.tags).environment)) return;
      if (!namesCustomerKey(args.props, "kmsKeyId"))
        report(
          `kmsKeyId is not set: the secret is encrypted under the AWS-managed key aws/secretsmanager; ${CMK_KNOB_HINT}`,
        );
    }),
  },
  publicPolicyRule({
    name: "aws-secretsmanager-no-public-policy",
    what: "Secrets Manager resource policies",
    types: [...T.secret, ...T.secretPolicy],
    references: ["AWS FSBP SecretsManager.5", "Groundwork BASELINE no public exposure"],
  }),
];

/** The value fields of a SecretVersion that land in the state (`secretStringWo` is write-only and does not). */
const VALUE_FIELDS = ["secretString", "secretBinary"] as const;

export const secretStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-secretsmanager-rotation",
    area: "aws",
    severity: "medium",
    description:
      "Secrets Manager secrets rotate automatically: a SecretRotation in the stack names each one.",
    remediationSteps:
      "Add an aws.secretsmanager.SecretRotation for the secret with a rotation Lambda and `rotationRules`.",
    references: ["CKV2_AWS_57", "AWS FSBP SecretsManager.1"],
    types: T.secret,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.secret), report, (secret) => {
        if (referrers(args.resources, T.secretRotation, "secretId", secret).length === 0)
          report(`secret "${secret.name}" has no SecretRotation`, secret.urn);
      });
    },
  }),
  stackPolicy({
    name: "aws-secretsmanager-no-literal-value",
    area: "aws",
    severity: "medium",
    description:
      "Secret versions take their value from a resource that generates it (a random password, a database's " +
      "managed password) or from `secretStringWo`, not from a value written in the program or its stack config, " +
      "which lands in source control or config and in the state. Advisory: a literal and a config secret look the " +
      "same to a policy (a plain value with no dependency); teams that never take secret values from config make " +
      "it mandatory.",
    remediationSteps:
      "Generate the value (random.RandomPassword → secretString), use `secretStringWo` with a version, or set the " +
      "value outside Pulumi; waive this finding for a config secret that must be stored this way.",
    references: ["Groundwork BASELINE identities", "OWASP Secrets Management Cheat Sheet"],
    types: T.secretVersion,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.secretVersion), report, (v) => {
        const version = propsOf<SecretVersionArgs>(v);
        for (const field of VALUE_FIELDS) {
          const value = ifKnown(() => version[field]);
          // A value derived from another resource carries that dependency; a literal carries none.
          if (typeof value !== "string" || value === "" || (v.propertyDependencies[field] ?? []).length > 0)
            continue;
          report(
            `secret version "${v.name}": ${field} is a value written in the program or its config`,
            v.urn,
          );
        }
      });
    },
  }),
];
