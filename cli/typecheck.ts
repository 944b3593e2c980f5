// `groundwork check --typecheck`: the project's own `tsc --noEmit` before the gate. The gate transpiles a
// TypeScript program without type-checking it (engine/typescript.ts), so without this a program that
// would not compile — and so would fail `pulumi preview` — could still pass the policies. The compiler is
// the project's (its node_modules are as untrusted as its program), so it runs under the same isolation
// as the program (ADR 0014).
import { SpawnSyncReturns, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { resolveTypeScript } from "../engine/typescript";
import {
  IsolationRequest,
  Sandbox,
  chooseIsolation,
  makePrivateDir,
  sandboxed,
  sweepUid,
} from "../engine/runner/isolation";

/** True when tsc's resolved config builds incrementally (it then writes build info, even with --noEmit). */
function buildsIncrementally(showConfig: SpawnSyncReturns<string>): boolean {
  try {
    const options = (JSON.parse(showConfig.stdout) as { compilerOptions?: Record<string, unknown> })
      .compilerOptions;
    return options?.incremental === true || options?.composite === true;
  } catch {
    return false;
  }
}

/**
 * Runs `tsc --noEmit -p <projectDir>` with the project's TypeScript (ours when it has none), isolated as
 * `isolation` asks. Returns undefined when the project compiles, else the error to report (exit 2), with
 * the compiler's messages.
 */
export function typecheckProject(
  projectDir: string,
  isolation: IsolationRequest = "auto",
  timeoutMs = 300_000,
): string | undefined {
  const dir = path.resolve(projectDir);
  if (!fs.existsSync(path.join(dir, "tsconfig.json"))) {
    return `--typecheck: ${projectDir} has no tsconfig.json (the compiler options tsc --noEmit -p needs)`;
  }
  const tsc = resolveTypeScript(dir, "typescript/bin/tsc");
  const planned = chooseIsolation(isolation, { dirs: [dir], files: [tsc] });
  const privateDir = makePrivateDir(planned.isolation);
  const sandbox: Sandbox = { ...planned, privateDir };
  const tscRun = (args: string[]): SpawnSyncReturns<string> => {
    const [file, ...argv] = sandboxed(sandbox, [process.execPath, tsc, ...args]);
    return spawnSync(file, argv, {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      env: { ...process.env, ...(privateDir ? { HOME: privateDir, TMPDIR: privateDir } : {}) },
    });
  };
  try {
    // Isolated, the project's own directory is not writable: an incremental build's info goes to the
    // private directory instead (tsc refuses --tsBuildInfoFile for a build that is not incremental).
    const buildInfo =
      privateDir && buildsIncrementally(tscRun(["--showConfig", "-p", dir]))
        ? ["--tsBuildInfoFile", path.join(privateDir, "tsconfig.tsbuildinfo")]
        : [];
    const result = tscRun(["--noEmit", "--pretty", "false", ...buildInfo, "-p", dir]);
    if (result.error) return `--typecheck: could not run ${tsc}: ${result.error.message}`;
    if (result.status === 0) return undefined;
    // tsc writes its diagnostics to stdout; they become the error's text (stderr and the error report).
    const messages = `${result.stdout}${result.stderr}`.trim();
    const count = messages.split("\n").filter((l) => /error TS\d+/.test(l)).length;
    return `--typecheck: the program does not compile (tsc --noEmit -p ${projectDir}: ${count || "no"} error(s) reported, exit ${result.status ?? result.signal})\n${messages}`;
  } finally {
    sweepUid(sandbox);
    if (privateDir) fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
