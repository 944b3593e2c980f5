// Shared by the CLI specs: fixture paths and a way to run the built `groundwork` command.
import { execFile } from "child_process";
import * as fs from "fs";
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
  return groundworkWith({}, ...args);
}

/** Runs the built command with extra environment variables (or some removed: `undefined`) and a cwd. */
export function groundworkWith(
  options: { env?: Record<string, string | undefined>; cwd?: string },
  ...args: string[]
): Promise<RunResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, env },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? -1) : 0;
        resolve({ code: typeof code === "number" ? code : -1, stdout, stderr });
      },
    );
  });
}

/** The child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Waits (up to a minute) for the CLI `cliPid` to start a policy pack process; its pid. */
export async function packProcessOf(cliPid: number): Promise<number | undefined> {
  for (let i = 0; i < 600; i++) {
    const pack = childrenOf(cliPid).find((c) => {
      try {
        return /run-policy-pack|policy/.test(fs.readFileSync(`/proc/${c}/cmdline`, "utf8"));
      } catch {
        return false;
      }
    });
    if (pack !== undefined) return pack;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** Processes on this machine whose command line holds `token` (Linux /proc). */
export function processesWith(token: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(token);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** True while `pid` runs (a zombie awaiting its parent's wait does not count). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
