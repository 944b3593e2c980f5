// Runs a program as the Pulumi CLI does, for the gate: in its own process, through the SDK's own program
// runner, against the resource monitor and engine served here. The program can register resources and log,
// and nothing else: it never sees the policies, the verdict or the exit code.
import * as fs from "fs";
import * as path from "path";
import { GroundworkMonitor, NewResourceHook } from "../monitor";
import { ResourceGraph } from "../graph";
import { InvokeHandler } from "../invokes";
import { deadline } from "../pending-work";
import { SynthError, normalizeConfig, programLocation } from "../program";
import { Logs, graphOf, withIncomplete } from "../synth";
import { isTypeScript } from "../typescript";
import { Isolation, IsolationRequest, Sandbox, chooseIsolation, makePrivateDir } from "./isolation";
import { ChildExit, PRELOAD, maxOldSpaceMb, runnerScript, startProgram } from "./process";
import { OfflineServer } from "./server";

export { DEFAULT_MAX_OLD_SPACE_MB } from "./process";
export { ISOLATION_REQUESTS, Isolation, IsolationError, IsolationRequest, Sandbox } from "./isolation";

export interface RunOptions {
  /** The project directory (holds Pulumi.yaml): the program's working directory, as under the CLI. */
  readonly projectDir: string;
  /** `main` from Pulumi.yaml, absolute (a file or directory); the project directory when there is none. */
  readonly main: string;
  /** The program file `main` resolves to, for messages. */
  readonly programFile: string;
  readonly project: string;
  readonly stack: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly secretKeys: readonly string[];
  readonly preview: boolean;
  readonly organization?: string;
  readonly invokes?: Readonly<Record<string, InvokeHandler>>;
  /** Where `StackReference` outputs are read from (`DIR/<stack>.json`); without it they are incomplete. */
  readonly stackOutputsDir?: string;
  readonly newResource?: NewResourceHook;
  /** Kills the program (and all it started) after this long. */
  readonly timeoutMs: number;
  /** `runtime.options.nodeargs`, split as the language host splits them. @default [] */
  readonly nodeArgs?: readonly string[];
  /** `runtime.options.typescript` (the language host's default is true): false runs `.ts` untranspiled. */
  readonly typescript?: boolean;
  /** How the program is kept from the gate: a sandbox planned with {@link planIsolation}. @default auto */
  readonly sandbox?: Sandbox;
  /** Where the program's stdout and stderr go. @default process.stderr */
  readonly output?: NodeJS.WritableStream;
}

export interface RunResult {
  readonly graph: ResourceGraph;
  /**
   * Set when the program ended before the engine's shutdown handshake (its own `process.exit`): what it
   * registered is real, but there may have been more. Never a pass on its own.
   */
  readonly incomplete?: string;
  /** The isolation the program ran under. */
  readonly isolation: Isolation;
  /** What the engine dropped or refused without failing the run (said on stderr). */
  readonly notes: readonly string[];
}

/**
 * Chooses the isolation for running `programFile` of `projectDir` (see isolation.ts): the program's uid must
 * be able to read the project, the program and the runner. `strict` throws an IsolationError when the
 * result is not full isolation.
 */
export function planIsolation(
  request: IsolationRequest,
  projectDir: string,
  programFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Sandbox {
  const script = runnerScript(projectDir);
  const sdk = path.dirname(path.dirname(path.dirname(script)));
  return chooseIsolation(
    request,
    { dirs: [projectDir, sdk, path.dirname(PRELOAD)], files: [programFile, script, PRELOAD] },
    env,
  );
}

/**
 * The runner's arguments, as the Node language host passes them. A project directory whose package.json
 * `main` names no file (npm init's `"main": "index.js"` in a TypeScript project) is passed as the file it
 * resolves to: given the directory, Node falls back to its index itself and prints DEP0128 on every run.
 */
function runnerArgs(o: RunOptions, monitor: string): string[] {
  const atRoot = path.resolve(o.main) === path.resolve(o.projectDir);
  const program = atRoot ? (mainIsMissing(o.projectDir) ? o.programFile : ".") : o.main;
  return [
    `--monitor=${monitor}`,
    `--engine=${monitor}`,
    `--project=${o.project}`,
    `--stack=${o.stack}`,
    `--pwd=${o.projectDir}`,
    ...(o.preview ? ["--dry-run"] : []),
    ...(o.organization ? [`--organization=${o.organization}`] : []),
    `--root-directory=${o.projectDir}`,
    program,
  ];
}

/** True when `dir`'s package.json names a `main` (and no `exports`) that Node cannot load as written. */
export function mainIsMissing(dir: string): boolean {
  let pkg: { main?: unknown; exports?: unknown };
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  } catch {
    return false;
  }
  if (typeof pkg.main !== "string" || pkg.exports !== undefined) return false;
  const main = path.resolve(dir, pkg.main);
  // Node's own order: the file, with an extension, then as a directory's index (TypeScript's too, as the
  // runner loads .ts).
  const exts = ["", ".js", ".json", ".node", ".ts"];
  const candidates = [
    ...exts.map((e) => main + e),
    ...exts.slice(1).map((e) => path.join(main, `index${e}`)),
  ];
  return !candidates.some((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

const ANSI = /\x1b\[[0-9;]*m/g;
const UNHANDLED = /^Running program '[^']*' failed with an unhandled exception:\n/;

/** The program's first logged error as a SynthError naming the program and the line that threw. */
function loggedFailure(programFile: string, errors: Logs): SynthError {
  const body = errors[0].message.replace(ANSI, "").replace(UNHANDLED, "").trim();
  const lines = body.split("\n");
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const headline = (firstFrame < 0 ? lines : lines.slice(0, firstFrame))
    .join("\n")
    .replace(/^[A-Za-z]*Error: /, "")
    .trim();
  // The logged text stands in for the thrown error, so callers can print its program frames.
  const programError = Object.assign(new Error(headline), { stack: body });
  const location = programLocation(programError);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error(s) logged)` : "";
  return new SynthError(
    `${programFile} failed${location ? ` at ${location}` : ""}: ${headline}${more}`,
    programError,
    location,
  );
}

/** A run the program ended itself, before the engine's shutdown handshake (its own `process.exit` …). */
function earlyExit(p: string, exit: ChildExit, tail: string): string {
  return (
    `${p} exited (code ${exit.code}) before the engine's shutdown handshake, so it may have registered` +
    ` less than it would have; what it registered was checked${tail ? `. It said:\n${tail}` : ""}`
  );
}

/**
 * Why a finished run is broken (an error) or incomplete (a message), or neither when it ended as a program
 * should: its main finished, the SDK's runner signalled shutdown, the process exited 0.
 */
function judgeRun(
  o: RunOptions,
  exit: ChildExit,
  logs: Logs,
  server: OfflineServer,
): SynthError | string | undefined {
  const p = o.programFile;
  const tail = exit.stderrTail.replace(ANSI, "").trim().split("\n").slice(-10).join("\n");
  if (exit.outOfMemory)
    return new SynthError(
      `${p} ran out of memory: its heap is capped at ${maxOldSpaceMb(o.nodeArgs)} MB` +
        " (set GROUNDWORK_PROGRAM_MAX_OLD_SPACE_MB to change the cap)",
      undefined,
    );
  const errors = logs.filter((l) => l.severity === "error");
  if (errors.length > 0) return loggedFailure(p, errors);
  if (exit.signal)
    return new SynthError(`${p} was killed by ${exit.signal}${tail ? `:\n${tail}` : ""}`, undefined);
  if (!server.shutdownSignalled) return earlyExit(p, exit, tail);
  if (exit.code !== 0)
    return new SynthError(`${p} exited with code ${exit.code}${tail ? `:\n${tail}` : ""}`, undefined);
  if (!server.stackFinished)
    // The runner reached an empty event loop with the program's main still pending.
    return new SynthError(
      `${p} did not finish and has nothing left to wait for: it awaits a promise that can never settle` +
        (o.preview ? " (in preview mode, most likely an output that is unknown until deployment)" : ""),
      undefined,
    );
  return undefined;
}

/** The monitor's options a run passes through unchanged. */
function monitorOptionsOf(o: RunOptions) {
  const { project, stack, preview, invokes, newResource, stackOutputsDir } = o;
  return { project, stack, preview, invokes, newResource, stackOutputsDir };
}

/** Runs the program in a child process and returns the graph the engine would have received. */
export async function runProgram(o: RunOptions): Promise<RunResult> {
  const planned = o.sandbox ?? planIsolation("auto", o.projectDir, o.programFile);
  const privateDir = makePrivateDir(planned.isolation);
  const sandbox: Sandbox = { ...planned, privateDir };
  try {
    return await runSandboxed(o, sandbox);
  } finally {
    if (privateDir) fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

async function runSandboxed(o: RunOptions, sandbox: Sandbox): Promise<RunResult> {
  const config = normalizeConfig(o.project, o.config);
  const { project, stack, preview } = o;
  // The same monitor synth() uses: the runner only changes how the program reaches it.
  const monitor = new GroundworkMonitor({ ...monitorOptionsOf(o), config });
  const logs: Logs = [];
  const server = new OfflineServer(monitor, logs, { project, stack });
  const address = await server.start();
  const timeout = deadline(o.programFile, preview, o.timeoutMs);
  const secretKeys = o.secretKeys.map((k) => (k.includes(":") ? k : `${project}:${k}`));
  const transpile = isTypeScript(o.programFile) && o.typescript !== false;
  const child = startProgram({
    script: runnerScript(o.projectDir),
    args: runnerArgs(o, address),
    nodeArgs: o.nodeArgs,
    cwd: o.projectDir,
    env: {
      PULUMI_CONFIG: JSON.stringify(config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
      ...(transpile ? { GROUNDWORK_TYPESCRIPT_FROM: path.dirname(o.programFile) } : {}),
    },
    sandbox,
    output: o.output,
  });
  let exit: ChildExit;
  try {
    exit = await Promise.race([child.exited, timeout.failed]);
  } catch (err) {
    child.kill();
    // The report comes only after the program's tree is gone (bounded: a SIGKILLed group goes at once).
    await Promise.race([child.exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
    throw err;
  } finally {
    timeout.stop();
    server.stop();
    // Whatever the program left running is gone before anything is reported: its process group (a member
    // keeps the group's id from being reused) and, for a `user` run without a PID namespace, its uid.
    child.kill();
  }
  if (monitor.failures.length > 0) {
    const failure = new SynthError(
      `${o.programFile} failed: ${monitor.failures[0].message}`,
      monitor.failures[0],
    );
    throw withIncomplete(failure, monitor);
  }
  const verdict = judgeRun(o, exit, logs, server);
  // A program that failed after the engine could not answer something most likely failed on it.
  if (verdict instanceof SynthError) throw withIncomplete(verdict, monitor);
  return {
    graph: graphOf(o.programFile, monitor, { project, stack, preview }, logs),
    incomplete: verdict,
    isolation: sandbox.isolation,
    notes: server.notes,
  };
}
