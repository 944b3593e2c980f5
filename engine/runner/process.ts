// The program's own process, started as the Node language host starts it: `node <sdk>/cmd/run/index.js
// --monitor=… --engine=… <program>`, with its heap capped so memory exhaustion is a clean, named death, in
// its own process group so a timeout kills everything it started, and its output sent to our stderr.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";

/**
 * The program's heap cap in MB, unless `GROUNDWORK_PROGRAM_MAX_OLD_SPACE_MB` says otherwise: about four
 * times what a 5,000-resource program needs, and below what a CI runner has.
 */
export const DEFAULT_MAX_OLD_SPACE_MB = 4096;

export function maxOldSpaceMb(): number {
  const v = Number(process.env.GROUNDWORK_PROGRAM_MAX_OLD_SPACE_MB);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_OLD_SPACE_MB;
}

/** How the program's process ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** V8 gave up on the heap ("JavaScript heap out of memory"). */
  readonly outOfMemory: boolean;
  /** The last lines it wrote to stderr, for the error message. */
  readonly stderrTail: string;
}

export interface ProgramProcess {
  readonly exited: Promise<ChildExit>;
  /** SIGKILL to the whole process group: a busy loop cannot delay it. */
  kill(): void;
}

/** `@pulumi/pulumi/cmd/run` of the program's own SDK (resolved from the project), else ours. */
export function runnerScript(projectDir: string): string {
  let pkg: string;
  try {
    pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] });
  } catch {
    pkg = require.resolve("@pulumi/pulumi/package.json");
  }
  return path.join(path.dirname(pkg), "cmd", "run", "index.js");
}

// V8's out-of-memory report starts here; what follows is a native dump nobody needs to read.
const OOM_MARKERS = ["<--- Last few GCs --->", "JavaScript heap out of memory"];

/** Forwards a child stream to `out`, keeping a tail, and stops forwarding at V8's out-of-memory dump. */
function forward(stream: NodeJS.ReadableStream, out: NodeJS.WritableStream, tail: { text: string }): void {
  let muted = false;
  stream.setEncoding("utf8");
  stream.on("data", (d: string) => {
    tail.text = (tail.text + d).slice(-8_000);
    if (!muted && OOM_MARKERS.some((m) => tail.text.includes(m))) muted = true;
    if (!muted) out.write(d);
  });
}

const live = new Set<ChildProcess>();
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}
const killAll = (): void => live.forEach(killGroup);
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
function onSignal(signal: NodeJS.Signals): void {
  killAll();
  process.exit(SIGNAL_EXIT[signal]);
}

/** Keeps the program's group from outliving the gate: killed at our exit and on SIGINT / SIGTERM. */
function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.on("exit", killAll);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  live.add(child);
  child.once("exit", () => {
    live.delete(child);
    if (live.size > 0) return;
    process.off("exit", killAll);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  });
}

export interface StartOptions {
  readonly script: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Where the program's stdout and stderr go. @default process.stderr */
  readonly output?: NodeJS.WritableStream;
}

export function startProgram(o: StartOptions): ProgramProcess {
  const preload = path.join(__dirname, "preload.js");
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${maxOldSpaceMb()}`, "--require", preload, o.script, ...o.args],
    // A process group of its own (detached) so a kill reaches whatever the program started; preload.ts
    // watches for our death, which a detached group would otherwise survive.
    { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  track(child);
  const tail = { text: "" };
  const out = o.output ?? process.stderr;
  forward(child.stdout!, out, { text: "" });
  forward(child.stderr!, out, tail);
  const exited = new Promise<ChildExit>((resolve) => {
    child.on("error", (err) => {
      tail.text += err.message;
      resolve({ code: null, signal: null, outOfMemory: false, stderrTail: tail.text });
    });
    child.on("exit", (code, signal) =>
      // Give stderr a moment to drain so the message carries the program's last words.
      setTimeout(() => {
        const outOfMemory = OOM_MARKERS.some((m) => tail.text.includes(m));
        resolve({ code, signal, outOfMemory, stderrTail: tail.text });
      }, 50),
    );
  });
  return { exited, kill: () => killGroup(child) };
}
