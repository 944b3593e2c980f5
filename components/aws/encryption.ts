// The `encryptionKey` argument every AWS component takes (an EncryptionKey, a key ARN, or nothing for a
// new key named `<name>-key`): resolved once by `resolveKeyChoice`, wired by `wireKey`.
import * as pulumi from "@pulumi/pulumi";
import { Environment, Tags, Validator, isDeferred } from "../core";
import { KMS_KEY_ARN, matchArn } from "./arns";
import { requireLogsService } from "./common";
import { KeyService } from "./documents";
import { EncryptionKey } from "./encryption-key";

/** What a component does for its key, decided before anything registers. */
export type KeyChoice =
  | {
      readonly kind: "create";
      readonly description: string;
      /** Services the new key names; absent when it names none. */
      readonly services?: KeyService[];
    }
  | { readonly kind: "component"; readonly key: EncryptionKey }
  | { readonly kind: "arn"; readonly arn: pulumi.Input<string> };

/**
 * Validates an `encryptionKey` argument: a string must be a KMS key ARN (checked once known when an
 * Output), and a given EncryptionKey
 * must let CloudWatch Logs use it when the component writes log groups with it (`needsLogs`).
 */
export function resolveKeyChoice(
  v: Validator,
  value: EncryptionKey | pulumi.Input<string> | undefined,
  o: { readonly needsLogs: boolean; readonly create: { description: string; services?: KeyService[] } },
): KeyChoice {
  const expected = `${KMS_KEY_ARN.expected} or an EncryptionKey`;
  if (typeof value === "string") matchArn(v, "encryptionKey", value, { ...KMS_KEY_ARN, expected });
  // Anything else known now (a number, an object) would reach the key id input unchecked.
  else if (value !== undefined && !(value instanceof EncryptionKey) && !isDeferred(value))
    v.fail("encryptionKey", value, "is not a key ARN or an EncryptionKey", expected);
  if (value instanceof EncryptionKey) {
    if (o.needsLogs) requireLogsService(v, value);
    return { kind: "component", key: value };
  }
  if (value === undefined) return { kind: "create", ...o.create };
  // An Output (a key from another stack) is checked once known, as the children take the checked value.
  return { kind: "arn", arn: matchArn(v, "encryptionKey", value, { ...KMS_KEY_ARN, expected }) };
}

/** The key ARN for a choice, creating the `<name>-key` child when the choice is "create". */
export function wireKey(
  scope: pulumi.Resource,
  name: string,
  choice: KeyChoice,
  o: { readonly environment: Environment; readonly tags: Tags | undefined; readonly protect: boolean },
): { arn: pulumi.Output<string>; created?: EncryptionKey } {
  if (choice.kind === "component") return { arn: choice.key.arn };
  if (choice.kind === "arn") return { arn: pulumi.output(choice.arn) };
  const created = new EncryptionKey(
    `${name}-key`,
    {
      environment: o.environment,
      tags: o.tags,
      ...(choice.services !== undefined ? { services: choice.services } : {}),
      description: choice.description,
      protect: o.protect,
    },
    { parent: scope },
  );
  return { arn: created.arn, created };
}
