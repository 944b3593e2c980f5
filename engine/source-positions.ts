// Where a resource was made in the user's own program. The SDK reports the frame just below the resource
// constructors, which for a component's child is inside the component (node_modules/@groundwork/infra/
// dist/components/…): code scanning cannot show that. The registration also carries the whole stack, so
// the first frame of the program's own code is taken from it: the line that called the component.
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { SourcePosition } from "./graph";

/** This package's root: the directory holding its package.json (dist/engine and engine alike). */
function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "components")))
      return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, "..", "..");
}

// Groundwork's own code, compiled or not: never the user's program, wherever the package is installed
// (an installed package is also under node_modules; this repository's reference stacks and tests are not).
const OWN = ["components", "engine", "testing", "check", "policy", "cli", "facts"];
const ROOT = packageRoot();
const OWN_DIRS = OWN.flatMap((d) => [path.join(ROOT, d), path.join(ROOT, "dist", d)]);

/** The file a position's `uri` names (`file:///…`, or a path), or undefined when it names none. */
export function fileOfUri(uri: string): string | undefined {
  // An ESM frame is printed as a file URL, which the SDK wraps once more as a path: keep the last URL.
  const at = uri.lastIndexOf("file://");
  if (at >= 0) {
    try {
      return fileURLToPath(uri.slice(at));
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(uri) ? uri : undefined;
}

/**
 * True for a file of the user's program: not Node's own (`node:`, `internal/`), not any dependency
 * (node_modules: @pulumi/*, @groundwork/infra, …), not Groundwork's own components, engine or gate.
 */
export function isUserFile(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  if (file.split(/[\\/]/).includes("node_modules")) return false;
  return !OWN_DIRS.some((d) => file === d || file.startsWith(d + path.sep));
}

function positionOf(pc: { getUri(): string; getLine(): number; getColumn(): number } | undefined) {
  return pc && pc.getUri() ? { uri: pc.getUri(), line: pc.getLine(), column: pc.getColumn() } : undefined;
}

/** The position the SDK chose for a registration (the frame below the constructors). */
export function sdkPosition(req: Pick<resproto.RegisterResourceRequest, "getSourceposition">) {
  return positionOf(req.getSourceposition());
}

/** The first frame of a registration's stack that is the user's program, if any is. */
export function firstUserFrame(
  req: Pick<resproto.RegisterResourceRequest, "getStacktrace">,
): SourcePosition | undefined {
  for (const frame of req.getStacktrace()?.getFramesList() ?? []) {
    const pos = positionOf(frame.getPc());
    const file = pos && fileOfUri(pos.uri);
    if (pos && file && isUserFile(file)) return pos;
  }
  return undefined;
}

/**
 * Where the user's program made a resource: its own first user frame, else the SDK's position when that is
 * the user's, else (a child made in a callback, where the stack holds no user frame) its parent's.
 */
export function userPosition(
  req: Pick<resproto.RegisterResourceRequest, "getStacktrace" | "getSourceposition">,
  parent: { readonly userSourcePosition?: SourcePosition } | undefined,
): SourcePosition | undefined {
  // An SDK older than the stack trace field sends only its own choice: kept when it is the user's.
  const own = sdkPosition(req);
  const ownFile = own && fileOfUri(own.uri);
  return (
    firstUserFrame(req) ?? (ownFile && isUserFile(ownFile) ? own : undefined) ?? parent?.userSourcePosition
  );
}
