// What the engine runs: resolving a program path, loading a program module the way the nodejs language
// host does, naming a program in errors, and finding the program's own frame in a stack trace.
import * as fs from "fs";
import * as path from "path";
import { isTypeScript, registerTypeScript } from "./typescript";

/** A program: a function (its return value becomes the stack outputs) or the path of a program module. */
export type Program = (() => unknown) | string;

/** Thrown when the program (not the engine) fails; `location` is the program frame that threw, if known. */
export class SynthError extends Error {
  constructor(
    message: string,
    readonly programError: unknown,
    readonly location?: string,
  ) {
    super(message);
    this.name = "SynthError";
  }
}

// This engine's own frames, compiled or (through source maps) as the TypeScript it was built from.
const ENGINE_DIRS = [__dirname, path.resolve(__dirname, "..", "..", "engine")];

/** The first stack frame that belongs to the program: not the SDK, not node internals, not this engine. */
export function programLocation(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  if (!stack) return undefined;
  for (const line of stack.split("\n").slice(1)) {
    const m = /(?:^at (?:async )?|\()((?:\/|[A-Za-z]:\\|file:\/\/)[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const file = m[1];
    if (file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`)) continue;
    if (file.startsWith("node:") || ENGINE_DIRS.some((d) => file.startsWith(d + path.sep))) continue;
    if (file.includes(`${path.sep}components${path.sep}core${path.sep}`)) continue; // validators: report the caller
    return `${file}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

export function describeProgram(program: Program): string {
  if (typeof program === "string") return program;
  return program.name ? `program ${program.name}()` : "program";
}

/** Namespaces config keys and turns values into the strings the SDK expects. */
export function normalizeConfig(
  project: string,
  config: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    const full = key.includes(":") ? key : `${project}:${key}`;
    out[full] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/** Forgets the program's own modules (not node_modules), so a path program runs afresh each time. */
function forgetModules(dir: string): void {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      delete require.cache[key];
    }
  }
}

/** Loads a program module and returns what the language host would take as the stack outputs. */
export async function runModule(file: string): Promise<unknown> {
  const resolved = require.resolve(file);
  if (isTypeScript(resolved)) registerTypeScript(path.dirname(resolved));
  forgetModules(path.dirname(resolved));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let exported = require(resolved);
  // The nodejs language host's rules: a default-exported (or module-level) function is called and its
  // result becomes the stack outputs; otherwise the module's exports are.
  if (exported && exported.__esModule && typeof exported.default === "function") exported = exported.default;
  if (typeof exported === "function") return await exported();
  if (exported && exported.__esModule) {
    const { __esModule: _ignored, ...rest } = exported;
    return rest;
  }
  return exported;
}

/** Resolves a program path: a directory means its package.json `main`, else index.{js,ts}. */
export function resolveProgramPath(p: string): string {
  const abs = path.resolve(p);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    const pkgFile = path.join(abs, "package.json");
    if (fs.existsSync(pkgFile)) {
      const main = JSON.parse(fs.readFileSync(pkgFile, "utf8")).main;
      if (typeof main === "string") return resolveProgramPath(path.join(abs, main));
    }
    for (const candidate of ["index.ts", "index.js"]) {
      if (fs.existsSync(path.join(abs, candidate))) return path.join(abs, candidate);
    }
    throw new Error(`no program in ${abs}: expected package.json "main", index.ts or index.js`);
  }
  // A `.js` main with only its `.ts` source beside it (npm init's default `"main": "index.js"` in a
  // TypeScript project) resolves to the source, as the Pulumi CLI's TypeScript support resolves it.
  const source = /\.js$/.test(abs) ? [abs.replace(/\.js$/, ".ts")] : [];
  for (const candidate of [abs, `${abs}.ts`, `${abs}.js`, ...source]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`program not found: ${abs}`);
}
