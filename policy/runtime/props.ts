// The one kit for reading resource properties in a rule: raw engine values are JSON of any shape (and,
// in preview, proxies that throw on unknowns), so each reader has one meaning and never throws on shape.
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import type { Report } from "./rule";

/** A property bag as the engine hands it over: keys to JSON values. */
export type Props = Record<string, unknown>;

/**
 * The plain values of a resource's inputs, typed from the provider's args interface
 * (`Inputs<KeyArgs>` has `enableKeyRotation?: boolean`, not `Input<boolean>`).
 */
export type Inputs<A> = Unwrap<A>;

/** The value when it is an object, else an empty one: reading a field of the result never throws. */
export function record(value: unknown): Props {
  return typeof value === "object" && value !== null ? (value as Props) : {};
}

/** The object at `path` under `value` (an empty one where a step is missing or not an object). */
export function recordAt(value: unknown, path: readonly string[]): Props {
  return path.reduce<Props>((node, key) => record(node[key]), record(value));
}

/** The elements of an array, each read with {@link record}; anything but an array has none. */
export function records(value: unknown): Props[] {
  return Array.isArray(value) ? value.map(record) : [];
}

/** The elements of an array, typed as declared; anything but an array (a malformed value) has none. */
export function each<T>(value: readonly T[] | null | undefined): T[] {
  return Array.isArray(value) ? [...(value as readonly T[])] : [];
}

/** The elements of an array as strings; anything but an array has none. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * IAM's "one or many": `"s3:GetObject"` and `["s3:GetObject"]` mean the same, so a scalar is a list of
 * one and an absent value a list of none.
 */
export function oneOrMany(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The props of a resource of one of `types`, typed from its provider args, or undefined for any other
 * type. The cast is the contract: the engine's inputs are the args, resolved.
 */
export function inputsOf<A>(
  args: Pick<ResourceValidationArgs, "type" | "props">,
  types: readonly string[],
): Inputs<A> | undefined {
  return types.includes(args.type) ? (args.props as Inputs<A>) : undefined;
}

/** The props of a resource found in a stack, typed from its provider args (see {@link inputsOf}). */
export function propsOf<A>(resource: { readonly props: object }): Inputs<A> {
  return resource.props as Inputs<A>;
}

/** Where `onInputs` records the types of the `validateResource` it builds, for the wrapper to dispatch on. */
const TYPES = Symbol("groundwork.types");

/** A `validateResource` that says which types it reads. */
export type TypedValidation = ((args: ResourceValidationArgs, report: Report) => void) & {
  readonly [TYPES]: readonly string[];
};

/**
 * A `validateResource` for a rule over resources of `types`: `check` gets their typed inputs and is not
 * called for other types. The types travel with the function, so the rule needs no `types` of its own.
 */
export function onInputs<A>(
  types: readonly string[],
  check: (inputs: Inputs<A>, report: Report, args: ResourceValidationArgs) => void,
): TypedValidation {
  const validate = (args: ResourceValidationArgs, report: Report): void => {
    const inputs = inputsOf<A>(args, types);
    if (inputs !== undefined) check(inputs, report, args);
  };
  return Object.assign(validate, { [TYPES]: types });
}

/** The types a `validateResource` built by {@link onInputs} reads, or undefined for any other function. */
export function typesOfValidation(fn: unknown): readonly string[] | undefined {
  return typeof fn === "function" ? (fn as Partial<TypedValidation>)[TYPES] : undefined;
}
