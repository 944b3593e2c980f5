// The program process's two hot spots that only cost time, installed by preload.ts: the SDK's debug log
// messages (one serialized engine RPC each, several per resource) and the stack traces it captures on every
// promise and registration (each frame mapped through source-map-support). Neither changes what the program
// registers or what the gate reports.
import * as path from "path";

/** A V8 call site, as `Error.prepareStackTrace` receives it. */
type CallSite = NodeJS.CallSite;
type Prepare = (error: Error, frames: CallSite[]) => string;
interface SourceMapSupport {
  wrapCallSite(frame: CallSite, state: { nextPosition: unknown; curPosition: unknown }): CallSite;
}

const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;
/** With this set, the SDK prints each leaked promise's creation stack: keep capturing it then. */
const DEBUG_LEAKS = !!process.env.PULUMI_DEBUG_PROMISE_LEAKS;

/** A frame source-map-support could move: the program's own code (node_modules and node: never map). */
function mappable(frame: CallSite): boolean {
  const file = frame.getFileName();
  return !!file && !file.startsWith("node:") && !IN_NODE_MODULES.test(file);
}

/**
 * Stack traces as source-map-support writes them, at a fraction of the cost:
 * - the stack `debuggablePromise` stores on every SDK promise is read only for PULUMI_DEBUG_PROMISE_LEAKS,
 *   so without it none is formatted;
 * - only the program's own frames go through the source maps; a dependency's frame is printed as V8
 *   prints it (source-map-support would clone it and print the same text).
 * The SDK still reads each registration's source position from `new Error().stack`, mapped as before.
 */
export function installLeanStackTraces(sms: SourceMapSupport): void {
  const mapped = Error.prepareStackTrace as Prepare | undefined;
  if (!mapped) return;
  Error.prepareStackTrace = (error: Error, frames: CallSite[]): string => {
    if (!DEBUG_LEAKS && frames[0]?.getFunctionName() === "debuggablePromise") return "";
    if (!frames.some(mappable)) return mapped(error, frames);
    const state = { nextPosition: null as unknown, curPosition: null as unknown };
    const lines: string[] = [];
    for (let i = frames.length - 1; i >= 0; i--) {
      const frame = frames[i];
      if (mappable(frame)) lines.push(`\n    at ${String(sms.wrapCallSite(frame, state))}`);
      else {
        state.curPosition = null;
        lines.push(`\n    at ${String(frame)}`);
      }
      state.nextPosition = state.curPosition;
    }
    return `${error.name || "Error"}: ${error.message || ""}${lines.reverse().join("")}`;
  };
}

/**
 * Debug messages the SDK sends the engine: several per resource, each one engine RPC, and in order (each
 * waits for the last), so a 5,000-resource program spends most of its time on them. No report shows debug
 * messages (`pulumi preview` shows them only with `--debug`), so once the SDK's `log` module is loaded its
 * `debug` resolves at once, sending nothing. Installed through the module loader, not by requiring the
 * module here: the runner must load gRPC only after its own instrumentation.
 */
export function dropDebugLogs(runnerScript: string): void {
  // <sdk>/cmd/run/index.js → <sdk>/log/index.js
  const logModule = path.resolve(path.dirname(runnerScript), "..", "..", "log", "index.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require("module") as { _load(request: string, ...rest: unknown[]): unknown };
  const load = Module._load;
  Module._load = function (this: unknown, request: string, ...rest: unknown[]): unknown {
    const exported = load.call(this, request, ...rest);
    const log = require.cache[logModule]?.exports as { debug?: unknown } | undefined;
    if (log && typeof log.debug === "function") {
      Module._load = load;
      log.debug = () => Promise.resolve();
    }
    return exported;
  };
}
