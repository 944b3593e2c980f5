// AWS KMS rules: keys rotate, key policies name their principals, and a deletion can be cancelled.
import type { KeyArgs } from "@pulumi/aws/kms";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs } from "../../runtime/props";
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
    types: T.key,
    validateResource(args, report) {
      const key = inputsOf<KeyArgs>(args, T.key);
      if (!key || key.policy === undefined) return;
      for (const s of publicGrants(key.policy)) report(`statement ${sidOf(s)} allows Principal "*"`);
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
