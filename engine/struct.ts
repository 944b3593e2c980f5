// protobuf Structs for the engine's RPCs. The Struct class must come from the google-protobuf copy the
// Pulumi SDK's generated classes were built against, or the SDK rejects it as a foreign message.
import * as path from "path";
import type * as structprotoTypes from "google-protobuf/google/protobuf/struct_pb";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const structproto: typeof structprotoTypes = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", {
    paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))],
  }),
);

export type Struct = structprotoTypes.Struct;

/** A plain object as a Struct. */
export function toStruct(obj: Record<string, unknown>): Struct {
  return structproto.Struct.fromJavaScript(obj as Record<string, structprotoTypes.JavaScriptValue>);
}

/** A Struct (or its absence) as a plain object. */
export function fromStruct<T = unknown>(s: Struct | undefined): Record<string, T> {
  return (s?.toJavaScript() as Record<string, T>) ?? {};
}
