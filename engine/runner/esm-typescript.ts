// ESM loader hooks (Node's `module.register`) that run a `"type": "module"` TypeScript program as the SDK's
// runner does in its automatic ESM mode (ts-node's ESM hooks), minus the type-check, as engine/typescript.ts
// does for CommonJS: each .ts/.mts module is transpiled to ESM when imported. Runs in Node's hooks thread.
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";

type Next<R> = (specifier: string, context: object) => Promise<R>;
interface Resolved {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface Loaded {
  format: string;
  source?: string;
  shortCircuit?: boolean;
}
export interface TypeScript {
  transpileModule(input: string, options: object): { outputText: string };
  ModuleKind: { ESNext: number };
  ScriptTarget: { ES2022: number };
}

let ts: TypeScript | undefined;

/** Receives the TypeScript compiler's path (the program's own first, resolved in the program's thread). */
export function initialize(data: { typescript: string }): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ts = require(data.typescript) as TypeScript;
}

/** The `type` of the package a file belongs to: Node's rule for .js, which ts-node applies to .ts. */
function packageType(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { type?: string }).type;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** TypeScript ESM imports name the emitted file (`./util.js`); offline there is only the source (`./util.ts`). */
export async function resolve(specifier: string, context: object, next: Next<Resolved>): Promise<Resolved> {
  try {
    return await next(specifier, context);
  } catch (err) {
    const source = specifier.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts");
    const relative = /^\.{1,2}\//.test(specifier) || specifier.startsWith("file:");
    if ((err as { code?: string }).code !== "ERR_MODULE_NOT_FOUND" || !relative || source === specifier)
      throw err;
    return next(source, context);
  }
}

export async function load(url: string, context: object, next: Next<Loaded>): Promise<Loaded> {
  if (!url.startsWith("file:") || !/\.m?ts$/.test(url) || url.endsWith(".d.ts")) return next(url, context);
  const file = fileURLToPath(url);
  // A .ts file of a CommonJS package goes to the CommonJS loader, whose require hook transpiles it.
  if (!file.endsWith(".mts") && packageType(file) !== "module")
    return { format: "commonjs", shortCircuit: true };
  return { format: "module", source: transpileEsm(ts!, file), shortCircuit: true };
}

/**
 * A TypeScript module as ESM, with an inline source map. Deterministic: the program's thread transpiles a
 * file again to map its stack frames, and gets the text that ran.
 */
export function transpileEsm(compiler: TypeScript, file: string): string {
  return compiler.transpileModule(fs.readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: {
      module: compiler.ModuleKind.ESNext,
      target: compiler.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  }).outputText;
}
