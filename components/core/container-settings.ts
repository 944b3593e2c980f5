// The container settings every cloud's ContainerService shares, checked once: plain environment
// variables (never one named like a secret, never a secret value), secrets by reference (each name in one
// place), and the instance-count bounds from the profile. Each cloud checks its own secret reference shape.
import * as pulumi from "@pulumi/pulumi";
import { PINNED_IMAGE_EXPECTED, imageReferenceProblem } from "./images";
import { EnvironmentProfile } from "./profiles";
import { looksLikeSecretName } from "./secrets";
import { isPlainObject } from "./strict";
import { Validator, isDeferred } from "./validate";

/** An environment variable name every container platform accepts. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Plain environment variables by name: strings, or Outputs of other resources (an endpoint, a bucket name). */
export type EnvironmentVariables = { readonly [name: string]: pulumi.Input<string> };

/** Plain variables and secrets by reference, as a ContainerService takes them. */
export interface ContainerEnvironmentArgs {
  /**
   * Plain environment variables: strings, or Outputs and Promises of strings (another component's
   * endpoint, bucket or connection name), which land in the container as resolved. They are stored in
   * clear text: a name that looks secret (PASSWORD, TOKEN, API_KEY …) is refused, and so is a secret
   * Output once it resolves; secrets go in `secrets`, by reference.
   * @default - none
   */
  readonly environmentVariables?: { readonly [name: string]: pulumi.Input<string> };
  readonly secrets?: { readonly [name: string]: pulumi.Input<string> };
}

/**
 * A pinned image (a tag other than `latest`, or a digest): checked now when it is a plain string, and
 * when it resolves when it is an Output or a Promise (an image built or pushed by the same program), with
 * the same error. In a preview an unknown image is not checked: the deployment checks it before any task
 * or revision uses it.
 */
export function pinnedImage(v: Validator, field: string, image: pulumi.Input<string>): pulumi.Input<string> {
  const check = (value: unknown): string => {
    v.required(field, value as string | undefined, PINNED_IMAGE_EXPECTED);
    const problem = imageReferenceProblem(value);
    if (problem !== undefined) v.fail(field, value, problem, PINNED_IMAGE_EXPECTED);
    return value as string;
  };
  return isDeferred(image) ? pulumi.output(image).apply(check) : check(image);
}

/**
 * One plain environment value: a known value must be a string; an Output passes through, refused once it
 * resolves if it is a secret, since the platform stores plain variables in clear text in its API object
 * (task definition, service, app, Deployment) where anyone who can read that object reads the secret.
 */
export function plainEnvValue(
  v: Validator,
  field: string,
  value: pulumi.Input<string>,
  expected: string,
): pulumi.Input<string> {
  if (!pulumi.Output.isInstance(value) && !(value instanceof Promise)) {
    if (typeof value !== "string") v.fail(field, value, "is not a string", "a string value or an Output");
    return value;
  }
  // Checked once known (in preview an unknown value is not, as the deployment will check it): a secret
  // would be stored in clear text, and anything but a string is not a variable value.
  const output = pulumi.output(value);
  return output.apply(async (resolved: unknown): Promise<string> => {
    if (await pulumi.isSecret(output)) v.fail(field, "(secret value hidden)", "is a secret", expected);
    // Undefined passes: an output the provider leaves unset (and an offline engine does not compute).
    if (typeof resolved !== "string" && resolved !== undefined)
      v.fail(field, resolved, "is not a string once resolved", "an Output or Promise of a string");
    return resolved as string;
  });
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
  checkReference: (field: string, ref: pulumi.Input<string>) => pulumi.Input<string> | void,
): {
  env: EnvironmentVariables;
  secrets: { readonly [name: string]: pulumi.Input<string> };
} {
  const given = args.environmentVariables ?? {};
  if (!isPlainObject(given))
    v.fail("environmentVariables", given, "is not an object", "variable names mapped to string values");
  const env: { [name: string]: pulumi.Input<string> } = {};
  for (const [key, value] of Object.entries(given)) {
    const field = `environmentVariables.${key}`;
    const bySecret = `secrets: { ${key}: "<${reference}>" }`;
    if (!ENV_NAME.test(key)) v.fail(field, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
    // Before the value's type, so a value under a secret-looking name is never printed.
    if (looksLikeSecretName(key))
      v.fail(field, "(value hidden)", "looks like a secret in plain text", bySecret);
    env[key] = plainEnvValue(v, field, value as pulumi.Input<string>, bySecret);
  }
  const givenSecrets = args.secrets ?? {};
  if (!isPlainObject(givenSecrets))
    v.fail("secrets", givenSecrets, "is not an object", `variable names mapped to ${reference}s`);
  const secrets: { [name: string]: pulumi.Input<string> } = {};
  for (const [key, ref] of Object.entries(givenSecrets)) {
    if (!ENV_NAME.test(key))
      v.fail(`secrets.${key}`, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
    if (key in env)
      v.fail(`secrets.${key}`, key, "is also a plain environment variable", "each name in one place");
    // A reference the check returns (checked once known when an Output) replaces the given one.
    secrets[key] =
      checkReference(`secrets.${key}`, ref as pulumi.Input<string>) ?? (ref as pulumi.Input<string>);
  }
  return { env, secrets };
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
