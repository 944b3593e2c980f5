// Google Cloud KMS rules: symmetric keys rotate on a schedule no longer than the platform allows.
import type { CryptoKeyArgs } from "@pulumi/gcp/kms";
import { ResourceRule } from "../../runtime";
import { onInputs } from "../../runtime/props";
import { T } from "./resource-types";

const DAY = 86_400;

/** Seconds in a Google duration string ("7776000s", "86400.5s"), or undefined when it is not one. */
export function durationSeconds(value: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(String(value));
  return m ? Number(m[1]) : undefined;
}

export const kmsRules: ResourceRule[] = [
  {
    name: "gcp-kms-key-rotation",
    area: "gcp",
    severity: "high",
    description: "Symmetric Cloud KMS keys rotate automatically, at least every 90 days by default.",
    remediationSteps: 'Set `rotationPeriod: "7776000s"` (90 days) or shorter.',
    references: ["CKV_GCP_43", "CIS GCP 1.10"],
    configSchema: {
      properties: {
        maxRotationDays: {
          type: "number",
          minimum: 1,
          default: 90,
          description: "The longest rotation period allowed, in days.",
        },
      },
    },
    validateResource: onInputs<CryptoKeyArgs>(T.cryptoKey, (key, report, args) => {
      const purpose = String(key.purpose ?? "ENCRYPT_DECRYPT");
      // Asymmetric, MAC and raw keys cannot rotate automatically: a new version is a new public key.
      if (purpose !== "ENCRYPT_DECRYPT") args.notApplicable(`a ${purpose} key cannot rotate automatically`);
      const maxDays = args.getConfig<{ maxRotationDays?: number }>().maxRotationDays ?? 90;
      if (key.rotationPeriod === undefined) {
        report("no rotationPeriod (the key never rotates)");
        return;
      }
      const seconds = durationSeconds(key.rotationPeriod);
      if (seconds === undefined)
        report(`rotationPeriod ${JSON.stringify(key.rotationPeriod)} is not a duration`);
      else if (seconds > maxDays * DAY)
        report(`rotationPeriod is ${Math.round(seconds / DAY)} days (at most ${maxDays})`);
    }),
  },
];
