// Runs TypeScript programs the way the Pulumi CLI's default nodejs runtime does, minus the
// type-check: each .ts file is transpiled on require. Type errors belong to the build; a policy gate
// that type-checked provider SDKs on every run would cost minutes.
import * as path from "path";

type TranspileModule = (
  input: string,
  options: { compilerOptions: Record<string, unknown>; fileName: string },
) => { outputText: string };

let installed = false;

/** Each transpiled file's JavaScript (with its inline source map), for stack-trace mappers that ask. */
export const transpiled = new Map<string, string>();

/**
 * Resolves the TypeScript compiler: the program's own first (its version understands its syntax),
 * then ours.
 */
export function typeScriptPath(fromDir: string): string {
  try {
    return require.resolve("typescript", { paths: [fromDir] });
  } catch {
    return require.resolve("typescript");
  }
}

function loadTypeScript(fromDir: string): {
  transpileModule: TranspileModule;
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
} {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(typeScriptPath(fromDir));
}

/** Installs the `.ts` require hook once per process. */
export function registerTypeScript(fromDir: string): void {
  if (installed) return;
  const ts = loadTypeScript(fromDir);
  const extensions = require.extensions as NodeJS.RequireExtensions;
  extensions[".ts"] = (module, filename) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require("fs") as typeof import("fs");
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        sourceMap: false,
        inlineSourceMap: true,
        inlineSources: false,
      },
    });
    transpiled.set(filename, outputText);
    (module as unknown as { _compile(code: string, file: string): void })._compile(outputText, filename);
  };
  process.setSourceMapsEnabled(true);
  installed = true;
}

/** True when `file` is a TypeScript source the hook should handle. */
export function isTypeScript(file: string): boolean {
  return path.extname(file) === ".ts" && !file.endsWith(".d.ts");
}
