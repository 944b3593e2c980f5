// Findings located in the user's program: each one points at the user's own line that made its resource
// (the component call, for a component's child), with the library's own line kept as related information,
// so table, JSON and SARIF reports all point where code scanning can show it.
import { GraphResource, ResourceGraph, SourcePosition } from "../engine/graph";
import { fileOfUri } from "../engine/source-positions";
import { Located, SourceLocation } from "./report";

function toLocation(pos: SourcePosition | undefined): SourceLocation | undefined {
  const file = pos && fileOfUri(pos.uri);
  return pos && file ? { file, line: pos.line, column: Math.max(1, pos.column) } : undefined;
}

const same = (a: SourceLocation, b: SourceLocation): boolean =>
  a.file === b.file && a.line === b.line && a.column === b.column;

/** Where a finding on `urn` points, given the graph and the program's main file. */
export function locator(
  graph: Pick<ResourceGraph, "resources">,
  programFile?: string,
): (urn: string | undefined) => Located {
  const byUrn = new Map<string, GraphResource>(graph.resources.map((r) => [r.urn, r]));
  const program: SourceLocation | undefined = programFile
    ? { file: programFile, line: 1, column: 1 }
    : undefined;
  return (urn) => {
    const r = urn ? byUrn.get(urn) : undefined;
    const user = toLocation(r?.userSourcePosition);
    const sdk = toLocation(r?.sourcePosition);
    const location = user ?? program;
    // The SDK's own choice, when it is not the user's line (a component's line inside the package).
    const related = sdk && !(location && same(sdk, location)) ? [sdk] : [];
    return {
      ...(location ? { location } : {}),
      ...(related.length ? { relatedLocations: related } : {}),
    };
  };
}

/** Every finding of `items` with its location (see {@link locator}). */
export function located<T extends Located & { readonly urn?: string }>(
  items: readonly T[],
  locate: (urn: string | undefined) => Located,
): T[] {
  return items.map((x) => ({ ...x, ...locate(x.urn) }));
}
