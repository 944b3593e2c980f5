// AWS KMS rules: keys rotate, key policies name their principals, and a deletion can be cancelled.
import type { KeyArgs } from "@pulumi/aws/kms";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs, record } from "../../runtime/props";
import { T } from "./resource-types";
import { publicGrants, sidOf } from "./documents";

/** `keySpec` is the name other provider versions (and the AWS API) give `customerMasterKeySpec`. */
type Key = KeyArgs & { readonly keySpec?: string };

export const kmsRules: ResourceRule[] = [
  {
    name: "aws-kms-key-rotation",
    area: "aws",
    severity: "high",
    description: "Symmetric KMS keys must rotate automatically at least every 365 days.",
    remediationSteps: "Set `enableKeyRotation: true` (and `rotationPeriodInDays` ≤ 365 if you set it).",
    references: ["CKV_AWS_7", "CIS AWS 3.6"],
    validateResource: onInputs<Key>(T.key, (key, report, args) => {
      const spec = key.customerMasterKeySpec ?? key.keySpec ?? "SYMMETRIC_DEFAULT";
      if (spec !== "SYMMETRIC_DEFAULT") args.notApplicable("asymmetric and HMAC keys cannot rotate");
      if (key.enableKeyRotation !== true) report("enableKeyRotation is not true");
      const period = key.rotationPeriodInDays;
      if (typeof period === "number" && period > 365)
        report(`rotationPeriodInDays is ${period} (at most 365)`);
    }),
  },
  {
    name: "aws-kms-no-wildcard-principal",
    area: "aws",
    severity: "critical",
    description:
      "KMS key policies must not allow `*` principals unless a condition names the caller (account, organization, source ARN or network).",
    remediationSteps:
      "Name the account root, roles or services in `Principal`, or add a condition such as `kms:CallerAccount` or `aws:PrincipalOrgID`.",
    references: ["CKV_AWS_33"],
    types: [...T.key, ...T.keyPolicy],
    validateResource(args, report) {
      const policy = inputsOf<{ policy?: unknown }>(args, [...T.key, ...T.keyPolicy])?.policy;
      if (policy === undefined) return;
      for (const s of publicGrants(policy)) report(`statement ${sidOf(s)} allows Principal "*"`);
    },
  },
  {
    name: "aws-kms-no-lockout-bypass",
    area: "aws",
    severity: "high",
    description:
      "Key policies (and EFS file-system policies) are not applied with `bypassPolicyLockoutSafetyCheck`, the check " +
      "that the new policy still lets the caller manage the resource: a policy that locks everyone out cannot be undone " +
      "without AWS Support.",
    remediationSteps:
      "Remove `bypassPolicyLockoutSafetyCheck` (or set it to false) and keep the account root in the key policy.",
    references: ["https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html"],
    types: [...T.key, ...T.keyPolicy, ...T.fileSystemPolicy],
    validateResource(args, report) {
      if (record(args.props).bypassPolicyLockoutSafetyCheck === true)
        report(
          "bypassPolicyLockoutSafetyCheck is true: the policy is applied even if it locks every administrator out",
        );
    },
  },
  {
    name: "aws-kms-deletion-window",
    area: "aws",
    severity: "low",
    description: "KMS keys keep the 30-day deletion window, so a mistaken deletion can be cancelled.",
    remediationSteps: "Leave `deletionWindowInDays` unset or set it to 30.",
    references: ["Groundwork BASELINE AWS KMS"],
    types: T.key,
    validateResource(args, report) {
      const days = inputsOf<KeyArgs>(args, T.key)?.deletionWindowInDays;
      if (typeof days === "number" && days < 30) report(`deletionWindowInDays is ${days} (expected 30)`);
    },
  },
];
