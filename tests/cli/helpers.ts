// Shared by the CLI specs: fixture paths and a way to run the built `groundwork` command.
import { execFile } from "child_process";
import * as path from "path";

/** The repository root (specs run from dist/tests/cli). */
export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
export const CLI = path.join(ROOT, "dist", "cli", "main.js");

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/main.js ...args` from the repository root. */
export function groundwork(...args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? -1) : 0;
        resolve({ code: typeof code === "number" ? code : -1, stdout, stderr });
      },
    );
  });
}
