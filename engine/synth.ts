// synth(): runs a Pulumi program offline, through the SDK's mock hook and Groundwork's monitor, and
// returns the resource graph the real engine would have received.
// The SDK's runtime sub-modules only: its root index loads the automation API and npm's arborist (about a
// second of CPU), which the gate's own process, running programs through engine/runner, never needs.
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { GroundworkMonitor, NewResourceHook, STACK_TYPE } from "./monitor";
import { GraphResource, ResourceGraph } from "./graph";
import { InvokeHandler } from "./invokes";
import { PendingWork, deadline, pause, stuckWatch, synthContext } from "./pending-work";
import {
  Program,
  SynthError,
  describeProgram,
  normalizeConfig,
  programLocation,
  resolveProgramPath,
  runModule,
} from "./program";

export { Program, SynthError, normalizeConfig, programLocation, resolveProgramPath } from "./program";

/* eslint-disable @typescript-eslint/no-require-imports */
const state = require("@pulumi/pulumi/runtime/state") as {
  withLocalStorage<T>(fn: () => T): T;
  getStore(): {
    settings: { engine?: unknown };
    logErrorCount: number;
  };
};
const settings = require("@pulumi/pulumi/runtime/settings") as {
  setMockOptions(
    monitor: unknown,
    project: string,
    stack: string,
    preview: boolean,
    organization?: string,
  ): void;
  waitForRPCs(): Promise<void>;
};
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as {
  setAllConfig(c: Record<string, string>, secretKeys?: string[]): void;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface SynthOptions {
  /** Project name, as in `Pulumi.yaml`. @default "project" */
  readonly project?: string;
  /** Stack name. @default "dev" */
  readonly stack?: string;
  /**
   * Stack config as in `Pulumi.<stack>.yaml`: `{ "aws:region": "eu-west-1", "app:size": 3 }`. Keys without
   * a namespace get the project's. Non-string values are passed as JSON, the way the CLI passes them.
   */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Config keys whose values are secrets (`secure:` in the stack file). */
  readonly secretKeys?: readonly string[];
  /** Preview (computed outputs unknown) or update (outputs fabricated). @default true */
  readonly preview?: boolean;
  readonly organization?: string;
  /** Extra or replacement invoke answers, by token. */
  readonly invokes?: Readonly<Record<string, InvokeHandler>>;
  /** Update mode: ids and outputs for custom resources, in place of the fabricated ones. */
  readonly newResource?: NewResourceHook;
  /** Where `StackReference` outputs are read from (`DIR/<stack>.json`); without it they are incomplete. */
  readonly stackOutputsDir?: string;
  /**
   * Give up after this long. A program with nothing left to wait for (in preview, one awaiting an unknown
   * output) fails sooner, after about a second of quiet; this bounds one that stays busy. @default 120000
   */
  readonly timeoutMs?: number;
}

export type Logs = ResourceGraph["logs"][number][];
const SEVERITIES = ["debug", "info", "warning", "error"] as const;

type RootCallback = (err: Error | null, resp?: object) => void;
export interface OfflineEngine {
  log(req: { getSeverity(): number; getMessage(): string; getUrn(): string }, cb: () => void): void;
  setRootResource(req: unknown, cb: RootCallback): void;
  getRootResource(req: unknown, cb: RootCallback): void;
}

/**
 * The engine the SDK logs to and asks for the root resource; only the logs are kept. The gate's runner
 * serves the same object over gRPC.
 */
export function offlineEngine(logs: Logs): OfflineEngine {
  return {
    log(req: { getSeverity(): number; getMessage(): string; getUrn(): string }, cb: () => void): void {
      logs.push({
        severity: SEVERITIES[req.getSeverity()] ?? "info",
        message: req.getMessage(),
        urn: req.getUrn() || undefined,
      });
      cb();
    },
    setRootResource(_req: unknown, cb: (err: Error | null, resp?: object) => void): void {
      cb(null, {});
    },
    getRootResource(_req: unknown, cb: (err: Error | null, resp?: object) => void): void {
      cb(null, {});
    },
  };
}

/**
 * The first unhandled rejection or uncaught exception of this synth's program. Node runs these process
 * handlers in the async context of the failing promise or callback, so an error is charged to the synth
 * that caused it, never to another one running concurrently.
 */
class AsyncErrorTrap {
  first: unknown;
  /** Rejects at the first error: the language host fails the program there, rather than wait for
   * registrations that a rejected input will never complete. */
  readonly failed: Promise<never>;
  private failFast: (err: unknown) => void = () => undefined;
  private readonly onError = (err: unknown): void => {
    if (synthContext.getStore() !== this.token || this.first !== undefined) return;
    this.first = err;
    this.failFast(err);
  };

  constructor(private readonly token: symbol) {
    this.failed = new Promise<never>((_, reject) => {
      this.failFast = reject;
    });
    this.failed.catch(() => undefined);
  }

  listen(): void {
    process.on("unhandledRejection", this.onError);
    process.on("uncaughtException", this.onError);
  }

  stop(): void {
    process.off("unhandledRejection", this.onError);
    process.off("uncaughtException", this.onError);
  }
}

interface Run {
  readonly program: Program;
  readonly programPath?: string;
  readonly monitor: GroundworkMonitor;
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  readonly organization?: string;
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
  readonly engine: object;
  readonly work: PendingWork;
}

/** Runs the program in a fresh runtime state inside the root stack, then drains what it left running. */
function runProgram(r: Run): Promise<Record<string, unknown>> {
  return state.withLocalStorage(async () => {
    settings.setMockOptions(r.monitor, r.project, r.stack, r.preview, r.organization);
    state.getStore().settings.engine = r.engine;
    runtimeConfig.setAllConfig(r.config, r.secretKeys);
    const outputs = await runInPulumiStack(async () => {
      const result =
        r.programPath !== undefined ? await runModule(r.programPath) : await (r.program as () => unknown)();
      return (result ?? undefined) as Record<string, unknown> | undefined;
    });
    // The language host runs until the event loop is empty, not until the outputs resolve: an
    // un-awaited async main may still sleep, read files, register resources or throw. Drain it all
    // (RPCs, then the program's timers and I/O, again and again) while the error handlers listen.
    for (;;) {
      await settings.waitForRPCs();
      // A failed registration rejects promises nobody awaits; Node reports those as unhandled only
      // after the microtask queue drains, so give it one turn while our handlers still listen.
      await pause(0);
      if (r.work.draining === 0) break;
      await pause(1);
    }
    return (outputs ?? {}) as Record<string, unknown>;
  });
}

/** A program failure as a SynthError that names the program and, where known, the line that threw. */
function asSynthError(err: unknown, program: Program, programPath: string | undefined): SynthError {
  if (err instanceof SynthError) return err;
  const location = programLocation(err) ?? programPath;
  const message = err instanceof Error ? err.message : String(err);
  return new SynthError(
    `${describeProgram(program)} failed${location ? ` at ${location}` : ""}: ${message}`,
    err,
    location,
  );
}

/**
 * A failing program that met something the engine could not answer most likely failed on it (an empty
 * invoke result, a stack reference with no outputs): the error says so, naming each item.
 */
export function withIncomplete(err: SynthError, monitor: GroundworkMonitor): SynthError {
  if (monitor.incomplete.length === 0) return err;
  const items = monitor.incomplete.map(
    (i) => `  ${i.type ?? i.kind}${i.urn ? ` ${i.urn}` : ""}: ${i.reason}`,
  );
  const message = `${err.message}\nthe offline engine could not answer (the likely cause):\n${items.join("\n")}`;
  return new SynthError(message, err.programError, err.location);
}

/**
 * Runs `program` as the Pulumi engine would (inside a root `pulumi:pulumi:Stack`), against an offline
 * monitor, and returns every registration. Each call runs in its own runtime state, so two programs
 * synthesized in one process never see each other's resources or config.
 */
export async function synth(program: Program, options: SynthOptions = {}): Promise<ResourceGraph> {
  const project = options.project ?? "project";
  const stack = options.stack ?? "dev";
  const preview = options.preview ?? true;
  const config = normalizeConfig(project, options.config ?? {});
  const { invokes, newResource, stackOutputsDir } = options;
  const monitor = new GroundworkMonitor({
    project,
    stack,
    preview,
    config,
    invokes,
    newResource,
    stackOutputsDir,
  });
  const logs: Logs = [];
  const token = Symbol("synth");
  const work = new PendingWork(token);
  const run: Run = {
    program,
    programPath: typeof program === "string" ? resolveProgramPath(program) : undefined,
    monitor,
    project,
    stack,
    preview,
    organization: options.organization,
    config,
    secretKeys: (options.secretKeys ?? []).map((k) => (k.includes(":") ? k : `${project}:${k}`)),
    engine: offlineEngine(logs),
    work,
  };
  const trap = new AsyncErrorTrap(token);
  const timeout = deadline(program, preview, options.timeoutMs ?? 120_000);
  const stuck = stuckWatch(program, preview, work);

  trap.listen();
  work.enable();
  try {
    await Promise.race([
      synthContext.run(token, () => runProgram(run)),
      timeout.failed,
      trap.failed,
      stuck.failed,
    ]);
    if (trap.first !== undefined) throw trap.first;
    if (monitor.failures.length > 0) throw monitor.failures[0];
  } catch (err) {
    throw withIncomplete(asSynthError(err, program, run.programPath), monitor);
  } finally {
    timeout.stop();
    stuck.stop();
    work.disable();
    // A failing program usually leaves more rejected promises behind (the stack's outputs …); let them
    // surface while we still listen, or they would crash the host process after synth has returned.
    await new Promise((resolve) => setImmediate(resolve));
    trap.stop();
  }
  return graphOf(program, monitor, { project, stack, preview }, logs);
}

/**
 * The graph of a finished run, as the engine ends a deployment: a program that logged errors failed (the
 * CLI fails the update on them), else every registration and the root stack's outputs.
 */
export function graphOf(
  program: Program,
  monitor: GroundworkMonitor,
  run: { project: string; stack: string; preview: boolean },
  logs: Logs,
): ResourceGraph {
  const errors = logs.filter((l) => l.severity === "error");
  if (errors.length > 0) {
    throw new SynthError(
      `${describeProgram(program)} logged errors: ${errors.map((e) => e.message).join("; ")}`,
      undefined,
    );
  }
  const stackResource = monitor.resources.find((r: GraphResource) => r.type === STACK_TYPE);
  return {
    ...run,
    resources: monitor.resources,
    outputs: stackResource?.outputs ?? {},
    invokes: monitor.invokeLog,
    incomplete: monitor.incomplete,
    logs,
  };
}
