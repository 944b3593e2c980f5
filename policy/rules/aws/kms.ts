// AWS KMS rules: keys rotate, key policies name their principals, and a deletion can be cancelled.
import type { KeyArgs } from "@pulumi/aws/kms";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs, oneOrMany, record } from "../../runtime/props";
import { T } from "./resource-types";

/** `keySpec` is the name other provider versions (and the AWS API) give `customerMasterKeySpec`. */
type Key = KeyArgs & { readonly keySpec?: string };
import { sidOf, statements } from "./iam";

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
    description: "KMS key policies must not allow `*` principals without a condition.",
    remediationSteps:
      "Name the account root, roles or services in `Principal`, or add a restricting `Condition`.",
    references: ["CKV_AWS_33"],
    validateResource(args, report) {
      const key = inputsOf<KeyArgs>(args, T.key);
      if (!key || key.policy === undefined) return;
      for (const s of statements(key.policy)) {
        if (s.Effect !== "Allow" || s.Condition !== undefined) continue;
        const p = s.Principal;
        const principals = p === "*" ? ["*"] : oneOrMany(record(p).AWS);
        if (principals.includes("*")) report(`statement ${sidOf(s)} allows Principal "*"`);
      }
    },
  },
  {
    name: "aws-kms-deletion-window",
    area: "aws",
    severity: "low",
    description: "KMS keys keep the 30-day deletion window, so a mistaken deletion can be cancelled.",
    remediationSteps: "Leave `deletionWindowInDays` unset or set it to 30.",
    references: ["Groundwork BASELINE AWS KMS"],
    validateResource(args, report) {
      const days = inputsOf<KeyArgs>(args, T.key)?.deletionWindowInDays;
      if (typeof days === "number" && days < 30) report(`deletionWindowInDays is ${days} (expected 30)`);
    },
  },
];
