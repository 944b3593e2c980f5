// The records the offline monitor keeps and the small rules it applies to them: the resource record
// with the engine's option defaults, engine-form URNs and provider ids, and the engine's error words.
import { createHash } from "crypto";
import { GraphResource, PropertyValue, reveal, urnQualifiedType } from "./graph";

/** The root stack's type token. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The SDK reads a failed call's message from `details`, as gRPC errors carry it. */
export function rpcError(err: unknown): Error & { details: string } {
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & { details: string };
  e.details = e.message;
  return e;
}

export interface MutableResource extends Omit<GraphResource, "outputs"> {
  outputs: Record<string, PropertyValue>;
}

/** What a registration always says; the resource options it may leave out default as the engine's do. */
export type RecordFields = Pick<
  MutableResource,
  | "urn"
  | "type"
  | "name"
  | "parent"
  | "custom"
  | "provider"
  | "inputs"
  | "outputs"
  | "dependencies"
  | "id"
  | "external"
> &
  Partial<MutableResource>;

export function resourceRecord(fields: RecordFields): MutableResource {
  return {
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    aliases: [],
    ignoreChanges: [],
    additionalSecretOutputs: [],
    ...fields,
  };
}

/** A provider's id: known even in preview, and stable for a given URN. */
export function providerId(urn: string): string {
  return `${createHash("sha256").update(urn).digest("hex").slice(0, 8)}-0000-4000-8000-provider`;
}

/** Builds a URN the way the Pulumi engine does: the parent's type chain (the stack excluded), then the type. */
export function makeUrn(
  stack: string,
  project: string,
  parentUrn: string | undefined,
  type: string,
  name: string,
): string {
  let qualified = type;
  if (parentUrn) {
    const parentType = urnQualifiedType(parentUrn);
    if (parentType && parentType !== STACK_TYPE) qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** The engine's refusal of a URN already taken in this deployment (pkg/resource/deploy/step_generator.go). */
export function duplicateUrn(urn: string): string {
  return `Duplicate resource URN '${urn}'; try giving it a unique name`;
}

/** Recursively turns wire-form secrets and unknowns into plain values for invoke handlers. */
export function plainArgs(args: Record<string, PropertyValue>): Record<string, unknown> {
  return reveal<Record<string, unknown>>(args);
}
