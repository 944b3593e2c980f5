// The program's own process, started as the Node language host starts it: `node <nodeargs> <sdk>/cmd/run/index.js
// --monitor=… --engine=… <program>`, with its heap capped so memory exhaustion is a clean, named death, under
// the isolation chosen for the run (isolation.ts), in its own process group so a timeout kills everything it
// started, and its output sent to our stderr.
import { spawn } from "child_process";
import * as path from "path";
import { Sandbox, sandboxed, sweepUid } from "./isolation";
import { track } from "./lifecycle";

/**
 * The program's heap cap in MB, unless `GROUNDWORK_PROGRAM_MAX_OLD_SPACE_MB` says otherwise: about four
 * times what a 5,000-resource program needs, and below what a CI runner has.
 */
export const DEFAULT_MAX_OLD_SPACE_MB = 4096;

export function maxOldSpaceMb(nodeArgs: readonly string[] = []): number {
  // The project's own `nodeargs` come after ours on the command line, so theirs is the cap in force.
  let fromArgs: number | undefined;
  nodeArgs.forEach((a, i) => {
    const m = /^--max-old-space-size(?:=(\d+))?$/.exec(a);
    if (m) fromArgs = Number(m[1] ?? nodeArgs[i + 1]);
  });
  if (fromArgs !== undefined && Number.isInteger(fromArgs) && fromArgs > 0) return fromArgs;
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

/** SIGKILL to the whole process group: the launcher and, through it, the program's whole tree. */
function killGroup(pid: number | undefined): void {
  try {
    if (pid !== undefined) process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

export interface StartOptions {
  readonly script: string;
  readonly args: readonly string[];
  /** The project's `runtime.options.nodeargs`, split as the language host splits them. @default [] */
  readonly nodeArgs?: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** How the program is isolated from the gate. @default not at all (its own process group only) */
  readonly sandbox?: Sandbox;
  /** Where the program's stdout and stderr go. @default process.stderr */
  readonly output?: NodeJS.WritableStream;
}

/** The preload every program process loads first (TypeScript, frame mapping, the gate watchdog). */
export const PRELOAD = path.join(__dirname, "preload.js");

export function startProgram(o: StartOptions): ProgramProcess {
  const sandbox = o.sandbox;
  const nodeArgs = o.nodeArgs ?? [];
  // As the language host does, the project's node args come before the runner; ours come first so theirs win.
  const node = [
    process.execPath,
    `--max-old-space-size=${maxOldSpaceMb()}`,
    "--require",
    PRELOAD,
    ...nodeArgs,
    o.script,
    ...o.args,
  ];
  const [file, ...argv] = sandbox ? sandboxed(sandbox, node) : node;
  const privateDir = sandbox?.privateDir;
  const env = { ...process.env, ...o.env, ...(privateDir ? { HOME: privateDir, TMPDIR: privateDir } : {}) };
  const child = spawn(
    file,
    argv,
    // A process group of its own (detached) so a kill reaches whatever the program started; preload.ts
    // and the sandbox's launcher watch for our death, which a detached group would otherwise survive.
    { cwd: o.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
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
  // Without a PID namespace, a `user` run's stragglers (setsid escapes the group) share only its uid.
  const kill = (): void => {
    killGroup(child.pid);
    if (sandbox) sweepUid(sandbox);
  };
  track({ killNow: kill, gone: exited });
  return { exited, kill };
}
