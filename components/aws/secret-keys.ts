// The customer key behind a secret a Groundwork component made, carried with the secret: a service handed
// `db.masterUserSecretArn` (or a string built from it) reads the key it is encrypted with, as aws-cdk's
// `secret.grantRead(role)` grants `kms:Decrypt` on the secret's key. Without it the task could not start:
// ECS reads the secret through Secrets Manager, which needs the caller's `kms:Decrypt` on the key.
import * as pulumi from "@pulumi/pulumi";

/** Resource → the ARN of the customer key encrypting the secret(s) it makes. */
const SECRET_KEYS = new WeakMap<pulumi.Resource, pulumi.Input<string>>();

/** Records that the secrets `holder` makes (RDS's managed master secret, say) are encrypted with `keyArn`. */
export function carrySecretKey(holder: pulumi.Resource, keyArn: pulumi.Input<string>): void {
  SECRET_KEYS.set(holder, keyArn);
}

/**
 * The resources an Output was made from. `Output.resources()` is the SDK's own dependency record (what
 * `dependsOn` and `pulumi.interpolate` carry forward); it is not in the SDK's type declarations, so it is
 * read defensively: an SDK without it yields none, and the caller's `secretKeyArns` still apply.
 */
function resourcesOf(value: unknown): pulumi.Resource[] {
  if (!pulumi.Output.isInstance(value)) return [];
  const record = (value as unknown as { resources?: () => Set<pulumi.Resource> }).resources;
  return typeof record === "function" ? [...record.call(value)] : [];
}

/**
 * The customer keys of the secrets among `references` that a Groundwork component made: each reference
 * that is an Output of such a secret (directly, or a string interpolated from it) brings its key.
 */
export function carriedSecretKeys(references: readonly pulumi.Input<string>[]): pulumi.Input<string>[] {
  const keys = new Set<pulumi.Input<string>>();
  for (const ref of references) {
    for (const resource of resourcesOf(ref)) {
      const key = SECRET_KEYS.get(resource);
      if (key !== undefined) keys.add(key);
    }
  }
  return [...keys];
}
