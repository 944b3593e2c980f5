// Plaintext secrets in configuration, one decision for every platform (Lambda, ECS, Kubernetes, Cloud Run,
// Cloud Functions, Container Apps, Container Instances, App Service): a setting whose name announces a secret
// (components/core/secrets.ts, the rule the components enforce) must hold a reference the workload resolves at
// run time, never the value, because every platform shows plain settings to anyone who may read the
// workload's configuration.
import { looksLikeSecretName } from "../../components/core/secrets";
import { Report } from "../runtime";
import { UNKNOWN_VALUE } from "../runtime/unknowns";

/** One plain setting: its name, its value (read with `peek`: UNKNOWN_VALUE in preview) and where it sits. */
export interface Setting {
  readonly name: unknown;
  readonly value: unknown;
  readonly where: string;
}

/**
 * References a workload resolves at run time with its own identity: an AWS ARN or SSM parameter path, a
 * Secret Manager resource name, a Key Vault secret URL or App Service Key Vault reference.
 */
export function isSecretReference(value: string): boolean {
  return (
    value.startsWith("arn:") ||
    value.startsWith("/") ||
    /^projects\/[^/]+\/(locations\/[^/]+\/)?secrets\//.test(value) ||
    /^https:\/\/[^/]+\.vault\.azure\.net\/secrets\//i.test(value) ||
    value.startsWith("@Microsoft.KeyVault(")
  );
}

/**
 * Reports each setting whose name announces a secret and whose value is a literal (a non-empty string that is
 * not a reference); a value unknown in preview leaves that setting undecided. `what` names the setting kind
 * in messages ("environment variable", "app setting").
 */
export function reportPlaintextSecrets(
  settings: readonly Setting[],
  report: Report,
  what: string,
  readers: string,
): void {
  for (const { name, value, where } of settings) {
    if (typeof name !== "string" || !looksLikeSecretName(name)) continue;
    if (value === UNKNOWN_VALUE) {
      report.undecided(`${what} ${name} (${where}): its value is unknown`);
      continue;
    }
    if (typeof value !== "string" || value === "" || isSecretReference(value)) continue;
    report(`${what} ${name} (${where}) holds a literal value, readable by ${readers}`);
  }
}
