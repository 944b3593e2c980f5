// Loaded (`node --require`) into the program's process before the SDK's runner. Two jobs: TypeScript
// programs are transpiled on require as the in-process synth does (see engine/typescript.ts), and a
// watchdog thread kills the program's process group when the gate dies, even by SIGKILL and even while the
// program's own thread is stuck in a busy loop.
import { register } from "module";
import { Worker, isMainThread } from "worker_threads";
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { registerTypeScript, transpiled, resolveTypeScript } from "../typescript";
import { TypeScript, transpileEsm } from "./esm-typescript";
import { dropDebugLogs, installLeanStackTraces } from "./lean-runtime";

const WATCHDOG = `
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(-process.pid, "SIGKILL");
}, 500);
`;

/** Text with no `sourceMappingURL`: source-map-support then maps no frame of that file. */
const NO_MAP = "\n";

/**
 * The runner maps stack frames with the SDK's source-map-support, which reads a file's source map from the
 * file on disk. Two fixes, installed before the runner's own `source-map-support/register` (a second
 * install keeps these handlers):
 * - a `.ts` program file has no map on disk: hand it the transpiled text (it carries an inline map), so
 *   errors point at the program's TypeScript lines;
 * - frames inside node_modules (the SDK's own, on every registration's captured stack) are left unmapped:
 *   mapping them costs as much as the rest of the run and no report points into a dependency.
 */
function installFrameMapping(): void {
  try {
    const sms = require.resolve("source-map-support", { paths: [path.dirname(process.argv[1])] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const support = require(sms) as Parameters<typeof installLeanStackTraces>[0] & {
      install(o: object): void;
    };
    support.install({
      environment: "node",
      retrieveFile: (file: string) =>
        transpiled.get(file) ?? (/[\\/]node_modules[\\/]/.test(file) ? NO_MAP : esmSource(file)),
    });
    installLeanStackTraces(support);
  } catch {
    // An SDK without source-map-support: frames keep their transpiled lines.
  }
}

/** An ES module's TypeScript as it ran (transpiled in the hooks thread), for its frames; else none. */
function esmSource(file: string): string | null {
  const tsFrom = process.env.GROUNDWORK_TYPESCRIPT_FROM;
  if (!tsFrom || !file.startsWith("file:") || !/\.m?ts$/.test(file)) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const text = transpileEsm(require(resolveTypeScript(tsFrom)) as TypeScript, fileURLToPath(file));
  transpiled.set(file, text);
  return text;
}

// `--require` reaches every worker thread too (the watchdog's included): only the main thread sets up.
if (isMainThread) {
  const tsFrom = process.env.GROUNDWORK_TYPESCRIPT_FROM;
  if (tsFrom) {
    registerTypeScript(tsFrom);
    // An ESM program (`"type": "module"`) is imported, not required: its .ts modules need loader hooks.
    register(pathToFileURL(path.join(__dirname, "esm-typescript.js")).href, {
      data: { typescript: resolveTypeScript(tsFrom) },
    });
  }
  installFrameMapping();
  dropDebugLogs(fs.realpathSync(process.argv[1]));
  // Unref'd: the watchdog must never keep the program alive, or the runner's "event loop empty" end would
  // never come. Its own execArgv is empty, so it does not load this file again.
  new Worker(WATCHDOG, { eval: true, execArgv: [] }).unref();
}
