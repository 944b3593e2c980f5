// Small validators shared by every component: each either returns the (possibly defaulted) value or
// throws a GroundworkInputError in the house message form.
import * as pulumi from "@pulumi/pulumi";
import { GroundworkInputError } from "./errors";
import { PlaceList, isPlace } from "../../facts/locations";
import { closestKey } from "./strict";
import { Shape } from "./shapes";

/** True when a value is only known at deployment time (an Output or a Promise), so it cannot be checked now. */
export function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * Returns the plain value of an input when it is known at construction time, `undefined` when it is an
 * Output or a Promise. Components validate what they can see and let the rest through.
 */
export function knownValue<T>(value: pulumi.Input<T> | undefined): T | undefined {
  return value === undefined || isDeferred(value) ? undefined : (value as T);
}

/**
 * Why an argument that is an Output or a Promise is refused where a plain value is needed: what the
 * component decides from it before deploy (docs/adr/0001-structural-arguments-are-plain-values.md).
 */
export const KNOWN_BEFORE_DEPLOY =
  "decides which resources this component creates, their names or checks made before anything is created";

/**
 * An input checked now when it is known, and once known when it is an Output or a Promise: the returned
 * Output carries the value on (with its dependencies and secrecy) and fails the deployment with the same
 * house error. An Output that resolves to `undefined` passes, as a provider may leave one unset (and the
 * offline engine does not compute every output); in a preview an unknown value is not checked.
 */
export function checkedInput<T>(value: pulumi.Input<T>, check: (known: T) => void): pulumi.Input<T> {
  if (!isDeferred(value)) {
    check(value as T);
    return value;
  }
  return pulumi.output(value).apply((known) => {
    if (known !== undefined) check(known as T);
    return known;
  }) as pulumi.Input<T>;
}

/**
 * Validates the arguments of one component instance. Construct it with the component's user-facing
 * type (`aws.Bucket`) and the instance name; every method names the field it checks.
 */
export class Validator {
  constructor(
    readonly component: string,
    readonly resourceName: string,
  ) {}

  /** Throws the standard input error for `field`. */
  fail(field: string, value: unknown, problem: string, expected: string): never {
    throw new GroundworkInputError({
      component: this.component,
      resourceName: this.resourceName,
      field,
      value,
      problem,
      expected,
    });
  }

  /**
   * Refuses an Output or a Promise where the component needs the value before deploy, saying why; returns
   * the plain value. `why` says what the value decides (the generic sentence when not given).
   */
  known<T>(field: string, value: T | pulumi.Output<T> | Promise<T>, why: string = KNOWN_BEFORE_DEPLOY): T {
    if (isDeferred(value)) {
      this.fail(
        field,
        "(an Output, known only at deploy time)",
        `must be known before deploy: it ${why}`,
        "a plain value (from stack config, or a constant)",
      );
    }
    return value as T;
  }

  /** Checks that a required argument is present (and, for strings, not blank). */
  required<T>(field: string, value: T | undefined | null, expected: string): T {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      this.fail(field, value, "is required", expected);
    }
    return value;
  }

  /** Checks a literal-union argument; returns the default when absent. */
  oneOf<T extends string>(field: string, value: T | undefined, allowed: readonly T[], fallback: T): T;
  oneOf<T extends string>(field: string, value: T | undefined, allowed: readonly T[]): T | undefined;
  oneOf<T extends string>(
    field: string,
    value: T | undefined,
    allowed: readonly T[],
    fallback?: T,
  ): T | undefined {
    if (value === undefined) return fallback;
    this.known(field, value);
    const expected = `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
    if (typeof value !== "string") this.fail(field, value, "is not a string", expected);
    if (!allowed.includes(value)) {
      this.fail(field, value, "is not supported", expected);
    }
    return value;
  }

  /** Checks an integer within inclusive bounds; returns the default when absent. */
  integer(field: string, value: number | undefined, min: number, max: number, fallback: number): number;
  integer(field: string, value: number | undefined, min: number, max: number): number | undefined;
  integer(
    field: string,
    value: number | undefined,
    min: number,
    max: number,
    fallback?: number,
  ): number | undefined {
    if (value === undefined) return fallback;
    this.known(field, value);
    const expected = `an integer from ${min} to ${max}`;
    // The problem names what is wrong: a string "8080" is not a number, which "out of range" would hide.
    if (typeof value !== "number" || Number.isNaN(value))
      this.fail(field, value, "is not a number", expected);
    if (!Number.isInteger(value)) this.fail(field, value, "is not a whole number", expected);
    if (value < min || value > max) this.fail(field, value, "is out of range", expected);
    return value;
  }

  /** Checks a boolean flag; returns the default when absent. */
  boolean(field: string, value: boolean | undefined, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    this.known(field, value);
    if (typeof value !== "boolean") this.fail(field, value, "is not a boolean", "true or false");
    return value;
  }

  /**
   * Checks a string against a pattern now when it is known, and once known when it is an Output (use the
   * returned value for that check to hold).
   */
  matches<T extends pulumi.Input<string> | undefined>(
    field: string,
    value: T,
    pattern: RegExp,
    expected: string,
  ): T {
    if (value === undefined) return value;
    return checkedInput(value as pulumi.Input<string>, (v: unknown) => {
      if (typeof v !== "string") this.fail(field, v, "is not a string", expected);
      if (!pattern.test(v)) this.fail(field, v, "is not valid", expected);
    }) as T;
  }

  /**
   * Checks an id, ARN or path against its shape now when it is known, and once known when it is an Output
   * (use the returned value for that check to hold). A value that does not match is refused with what is
   * wrong with it (the shape's diagnosis), not only the form expected.
   */
  shape<T extends pulumi.Input<string> | undefined>(field: string, value: T, s: Shape): T {
    if (value === undefined) return value;
    return checkedInput(value as pulumi.Input<string>, (v: unknown) => {
      if (typeof v !== "string") this.fail(field, v, "is not a string", s.expected);
      if (!s.pattern.test(v)) this.fail(field, v, s.problem(v), s.expected);
    }) as T;
  }

  /**
   * Checks an optional string input when it is known now (a number or an object is refused); Outputs
   * and Promises pass through. Returns the value.
   */
  stringInput<T extends pulumi.Input<string> | undefined>(field: string, value: T, expected: string): T {
    if (value === undefined) return value;
    return checkedInput(value as pulumi.Input<string>, (known: unknown) => {
      if (typeof known !== "string") this.fail(field, known, "is not a string", expected);
    }) as T;
  }

  /**
   * Checks an optional list input when it is known now: an array (not a string or a single id) whose
   * known entries are strings. Outputs pass through. Returns the value.
   */
  stringList<T extends pulumi.Input<pulumi.Input<string>[]> | readonly pulumi.Input<string>[] | undefined>(
    field: string,
    value: T,
    expected: string,
  ): T {
    if (value === undefined) return value;
    if (!isDeferred(value)) {
      if (!Array.isArray(value)) this.fail(field, value, "is not an array", expected);
      // Entries that are Outputs are checked once known, each in place.
      return value.map((entry, i) => this.stringInput(`${field}[${i}]`, entry, expected)) as unknown as T;
    }
    return checkedInput(value as pulumi.Input<unknown[]>, (known: unknown) => {
      if (!Array.isArray(known)) this.fail(field, known, "is not an array", expected);
      known.forEach((entry, i) => {
        if (typeof entry !== "string") this.fail(`${field}[${i}]`, entry, "is not a string", expected);
      });
    }) as unknown as T;
  }

  /**
   * Checks a map of strings (tags, labels, annotations): a plain object whose every value is a string.
   * Returns it, or an empty map when absent.
   */
  stringMap(
    field: string,
    value: { readonly [key: string]: string } | undefined,
  ): {
    readonly [key: string]: string;
  } {
    if (value === undefined) return {};
    this.known(field, value);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(field, value, "is not a map of strings", "an object of string keys to string values");
    }
    for (const [key, entry] of Object.entries(value)) {
      this.known(`${field}.${key}`, entry);
      if (typeof entry !== "string") this.fail(`${field}.${key}`, entry, "is not a string", "a string value");
    }
    return value;
  }

  /**
   * Checks a location argument against the places the cloud accepts (a list from
   * facts/<cloud>/locations.json), naming the nearest valid one: now when known, once known when an Output
   * (use the returned value for that check to hold).
   */
  place<T extends pulumi.Input<string> | undefined>(field: string, value: T, list: PlaceList): T {
    if (value === undefined) return value;
    return checkedInput(value as pulumi.Input<string>, (known: unknown) => {
      const expected = `a ${list.kind} such as ${list.example}`;
      if (typeof known !== "string") this.fail(field, known, "is not a string", expected);
      if (isPlace(list, known)) return;
      const near = closestKey(known, list.names);
      this.fail(
        field,
        known,
        `is not a ${list.kind}${near === undefined ? "" : ` (did you mean ${JSON.stringify(near)}?)`}`,
        expected,
      );
    }) as T;
  }

  /** Checks that a list argument (when known) has between `min` and `max` entries. */
  listLength(field: string, value: readonly unknown[] | undefined, min: number, max: number): void {
    if (value === undefined) return;
    const expected = `a list of ${min} to ${max} entries`;
    if (!Array.isArray(value)) this.fail(field, value, "is not an array", expected);
    if (value.length < min || value.length > max)
      this.fail(field, value, "has the wrong number of entries", expected);
  }
}

/** The retention periods (in days) that CloudWatch Logs accepts; other clouds accept any of them too. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Checks a `logRetentionDays` argument against the values every cloud accepts. */
export function validateLogRetention(v: Validator, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number")
    v.fail("logRetentionDays", value, "is not a number", `one of ${LOG_RETENTION_DAYS.join(", ")}`);
  if (!LOG_RETENTION_DAYS.includes(value)) {
    v.fail(
      "logRetentionDays",
      value,
      "is not a supported retention",
      `one of ${LOG_RETENTION_DAYS.join(", ")}`,
    );
  }
  return value;
}
