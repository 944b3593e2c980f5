// `groundwork check --typecheck`: the project's own `tsc --noEmit` before the gate. The gate transpiles a
// TypeScript program without type-checking it (engine/typescript.ts), so without this a program that
// would not compile — and so would fail `pulumi preview` — could still pass the policies.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { resolveTypeScript } from "../engine/typescript";

/**
 * Runs `tsc --noEmit -p <projectDir>` with the project's TypeScript (ours when it has none). Returns
 * undefined when the project compiles, else the error to report (exit 2), with the compiler's messages.
 */
export function typecheckProject(projectDir: string): string | undefined {
  const dir = path.resolve(projectDir);
  if (!fs.existsSync(path.join(dir, "tsconfig.json"))) {
    return `--typecheck: ${projectDir} has no tsconfig.json (the compiler options tsc --noEmit -p needs)`;
  }
  const tsc = resolveTypeScript(dir, "typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "--noEmit", "--pretty", "false", "-p", dir], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) return `--typecheck: could not run ${tsc}: ${result.error.message}`;
  if (result.status === 0) return undefined;
  // tsc writes its diagnostics to stdout; they become the error's text (stderr and the error report).
  const messages = `${result.stdout}${result.stderr}`.trim();
  const count = messages.split("\n").filter((l) => /error TS\d+/.test(l)).length;
  return `--typecheck: the program does not compile (tsc --noEmit -p ${projectDir}: ${count || "no"} error(s) reported, exit ${result.status ?? result.signal})\n${messages}`;
}
