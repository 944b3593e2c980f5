// The container settings every cloud's ContainerService shares, checked once: plain environment
// variables (never one named like a secret), secrets by reference (each name in one place), and the
// instance-count bounds from the profile. Each cloud checks its own secret reference shape.
import * as pulumi from "@pulumi/pulumi";
import { EnvironmentProfile } from "./profiles";
import { looksLikeSecretName } from "./secrets";
import { isPlainObject } from "./strict";
import { Validator } from "./validate";

/** An environment variable name every container platform accepts. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Plain variables and secrets by reference, as a ContainerService takes them. */
export interface ContainerEnvironmentArgs {
  readonly environmentVariables?: { readonly [name: string]: string };
  readonly secrets?: { readonly [name: string]: pulumi.Input<string> };
}

/**
 * Checks plain variables (nothing that looks secret) and secrets by reference, each name in one place.
 * `reference` says what a secret reference is on this cloud (shown in errors); `checkReference` checks
 * one (a known string against the cloud's shape).
 */
export function resolveContainerEnvironment(
  v: Validator,
  args: ContainerEnvironmentArgs,
  reference: string,
  checkReference: (field: string, ref: pulumi.Input<string>) => void,
): {
  env: { readonly [name: string]: string };
  secrets: { readonly [name: string]: pulumi.Input<string> };
} {
  const env = v.stringMap("environmentVariables", args.environmentVariables);
  for (const [key, value] of Object.entries(env)) {
    const field = `environmentVariables.${key}`;
    if (!ENV_NAME.test(key)) v.fail(field, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
    if (typeof value !== "string") v.fail(field, value, "is not a string", "a string value");
    if (looksLikeSecretName(key)) {
      v.fail(
        field,
        "(value hidden)",
        "looks like a secret in plain text",
        `secrets: { ${key}: "<${reference}>" }`,
      );
    }
  }
  const secrets = args.secrets ?? {};
  if (!isPlainObject(secrets))
    v.fail("secrets", secrets, "is not an object", `variable names mapped to ${reference}s`);
  for (const [key, ref] of Object.entries(secrets)) {
    if (!ENV_NAME.test(key))
      v.fail(`secrets.${key}`, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
    if (key in env)
      v.fail(`secrets.${key}`, key, "is also a plain environment variable", "each name in one place");
    checkReference(`secrets.${key}`, ref);
  }
  return { env, secrets: secrets as { readonly [name: string]: pulumi.Input<string> } };
}

/**
 * The fewest and most instances, defaulting to the profile's replica bounds. `floor` is the fewest the
 * platform runs (0 where it scales to zero), `ceiling` the most.
 */
export function resolveCapacity(
  v: Validator,
  args: { readonly minCapacity?: number; readonly maxCapacity?: number },
  profile: EnvironmentProfile,
  bounds: { readonly floor: number; readonly ceiling: number },
): { minCapacity: number; maxCapacity: number } {
  const { floor, ceiling } = bounds;
  const minCapacity = v.integer("minCapacity", args.minCapacity, floor, ceiling, profile.replicas.min);
  const maxCapacity = v.integer(
    "maxCapacity",
    args.maxCapacity,
    1,
    ceiling,
    Math.max(minCapacity, profile.replicas.max),
  );
  if (maxCapacity < Math.max(1, minCapacity)) {
    v.fail(
      "maxCapacity",
      maxCapacity,
      `is below minCapacity ${minCapacity}`,
      `an integer from ${Math.max(1, minCapacity)} to ${ceiling}`,
    );
  }
  return { minCapacity, maxCapacity };
}
