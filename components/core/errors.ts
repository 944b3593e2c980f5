// Input errors for people: every Groundwork component rejects bad arguments with one error type whose
// message names the component, the field, the value and what would have been accepted.
import * as pulumi from "@pulumi/pulumi";

/** Details carried by a {@link GroundworkInputError}, for tools that want more than the message. */
export interface InputProblem {
  /** The component type as users write it, e.g. `aws.Bucket`. */
  readonly component: string;
  /** The name given to the component instance. */
  readonly resourceName: string;
  /** The argument at fault, dotted for nested values (`tiers[1].name`). */
  readonly field: string;
  /** The value that was refused. */
  readonly value: unknown;
  /** What is wrong with it, e.g. `is not a valid IPv4 CIDR`. */
  readonly problem: string;
  /** What would be accepted, e.g. `a.b.c.d/n with n between 16 and 28`. */
  readonly expected: string;
}

/** Renders a value the way it should appear in an error message: strings quoted, the rest as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? json.slice(0, 117) + "..." : json;
  } catch {
    return String(value);
  }
}

// The class carries every field of InputProblem; declaring them through the interface (and copying them
// in the constructor) keeps the one list of fields in one place.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface GroundworkInputError extends InputProblem {}

/**
 * Thrown by a component constructor, before any child resource is registered, when an argument is
 * invalid. It is a `pulumi.ResourceError` with the stack trace hidden, so `pulumi up` prints the
 * message alone: `aws.Network "core": cidrBlock "10.0.0.0/33" is not a valid IPv4 CIDR (expected
 * a.b.c.d/n with n between 16 and 28)`. It carries the {@link InputProblem} fields.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class GroundworkInputError extends pulumi.ResourceError {
  constructor(problem: InputProblem) {
    super(
      `${problem.component} ${JSON.stringify(problem.resourceName)}: ${problem.field} ` +
        `${describeValue(problem.value)} ${problem.problem} (expected ${problem.expected})`,
      undefined,
      true,
    );
    this.name = "GroundworkInputError";
    const { component, resourceName, field, value, expected } = problem;
    Object.assign(this, { component, resourceName, field, value, problem: problem.problem, expected });
  }
}
