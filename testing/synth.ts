// synth(): runs a Pulumi program offline, through the SDK's mock hook and Groundwork's monitor, and
// returns the resource graph the real engine would have received.
import { AsyncLocalStorage, createHook } from "async_hooks";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { GroundworkMonitor, NewResourceHook, STACK_TYPE } from "./monitor";
import { GraphResource, ResourceGraph } from "./graph";
import { InvokeHandler } from "./invokes";
import { isTypeScript, registerTypeScript } from "./typescript";

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

/** A program: a function (its return value becomes the stack outputs) or the path of a program module. */
export type Program = (() => unknown) | string;

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
  /**
   * Give up after this long. A program with nothing left to wait for (in preview, one awaiting an unknown
   * output) fails sooner, after about a second of quiet; this bounds one that stays busy. @default 120000
   */
  readonly timeoutMs?: number;
}

/** Thrown when the program (not the engine) fails; `location` is the program frame that threw, if known. */
export class SynthError extends Error {
  constructor(
    message: string,
    readonly programError: unknown,
    readonly location?: string,
  ) {
    super(message);
    this.name = "SynthError";
  }
}

// This engine's own frames, compiled or (through source maps) as the TypeScript it was built from.
const ENGINE_DIRS = [__dirname, path.resolve(__dirname, "..", "..", "testing")];

/** Marks the async context of each running synth, to tell whose program an async error came from. */
const synthContext = new AsyncLocalStorage<symbol>();

// Async work the nodejs language host waits for before it calls a program finished: the event loop keeps
// running while any of these is pending (an unref'd timer excepted). Handles that outlive every program
// (stdio pipes, signal watchers) are left out, or a program that logs would never drain.
const DRAIN_TYPES = new Set([
  "Timeout",
  "Immediate",
  "TickObject",
  "Microtask",
  "FSREQCALLBACK",
  "FSREQPROMISE",
  "FILEHANDLECLOSEREQ",
  "GETADDRINFOREQWRAP",
  "GETNAMEINFOREQWRAP",
  "QUERYWRAP",
  "PROCESSWRAP",
  "TCPCONNECTWRAP",
  "ZLIB",
]);
// Besides those, open sockets count as "something may still happen" when deciding a program is stuck.
const BUSY_TYPES = new Set([...DRAIN_TYPES, "TCPWRAP", "HTTPCLIENTREQUEST", "HTTPINCOMINGMESSAGE"]);

/** Counts the non-promise async resources a synth's program started and has not yet finished. */
class PendingWork {
  private readonly live = new Map<number, { type: string; resource: object }>();
  /** Bumped on every resource the program starts, so a watcher can tell quiet from busy. */
  starts = 0;
  private readonly hook;

  constructor(token: symbol) {
    this.hook = createHook({
      init: (asyncId, type, _trigger, resource) => {
        if (type === "PROMISE" || !BUSY_TYPES.has(type) || synthContext.getStore() !== token) return;
        this.live.set(asyncId, { type, resource });
        this.starts++;
      },
      destroy: (asyncId) => void this.live.delete(asyncId),
      // Immediates and ticks emit no destroy until later; once their callback has run they are done.
      after: (asyncId) => {
        const t = this.live.get(asyncId)?.type;
        if (t === "Immediate" || t === "TickObject" || t === "Microtask") this.live.delete(asyncId);
      },
    });
  }

  enable(): void {
    this.hook.enable();
  }

  disable(): void {
    this.hook.disable();
    this.live.clear();
  }

  private count(types: ReadonlySet<string>): number {
    let n = 0;
    for (const { type, resource } of this.live.values()) {
      if (!types.has(type)) continue;
      const hasRef = (resource as { hasRef?: () => boolean }).hasRef;
      if (typeof hasRef === "function" && !hasRef.call(resource)) continue;
      n++;
    }
    return n;
  }

  /** Work the event loop would still wait for. */
  get draining(): number {
    return this.count(DRAIN_TYPES);
  }

  /** Work that could still resolve a promise the program awaits. */
  get busy(): number {
    return this.count(BUSY_TYPES);
  }
}

// A program counts as stuck after this many quiet checks in a row (about a second).
const STUCK_TICK_MS = 250;
const STUCK_TICKS = 4;

/** Waits `ms` outside the synth's context, so the wait itself is not counted as the program's work. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) =>
    synthContext.exit(() => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve))),
  );
}

/** The first stack frame that belongs to the program: not the SDK, not node internals, not this engine. */
export function programLocation(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  if (!stack) return undefined;
  for (const line of stack.split("\n").slice(1)) {
    const m = /(?:^at (?:async )?|\()((?:\/|[A-Za-z]:\\|file:\/\/)[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const file = m[1];
    if (file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`)) continue;
    if (file.startsWith("node:") || ENGINE_DIRS.some((d) => file.startsWith(d + path.sep))) continue;
    if (file.includes(`${path.sep}components${path.sep}core${path.sep}`)) continue; // validators: report the caller
    return `${file}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

function describeProgram(program: Program): string {
  if (typeof program === "string") return program;
  return program.name ? `program ${program.name}()` : "program";
}

/** Namespaces config keys and turns values into the strings the SDK expects. */
export function normalizeConfig(
  project: string,
  config: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    const full = key.includes(":") ? key : `${project}:${key}`;
    out[full] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/** Forgets the program's own modules (not node_modules), so a path program runs afresh each time. */
function forgetModules(dir: string): void {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      delete require.cache[key];
    }
  }
}

async function runModule(file: string): Promise<unknown> {
  const resolved = require.resolve(file);
  if (isTypeScript(resolved)) registerTypeScript(path.dirname(resolved));
  forgetModules(path.dirname(resolved));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let exported = require(resolved);
  // The nodejs language host's rules: a default-exported (or module-level) function is called and its
  // result becomes the stack outputs; otherwise the module's exports are.
  if (exported && exported.__esModule && typeof exported.default === "function") exported = exported.default;
  if (typeof exported === "function") return await exported();
  if (exported && exported.__esModule) {
    const { __esModule: _ignored, ...rest } = exported;
    return rest;
  }
  return exported;
}

/** Resolves a program path: a directory means its package.json `main`, else index.{js,ts}. */
export function resolveProgramPath(p: string): string {
  const abs = path.resolve(p);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    const pkgFile = path.join(abs, "package.json");
    if (fs.existsSync(pkgFile)) {
      const main = JSON.parse(fs.readFileSync(pkgFile, "utf8")).main;
      if (typeof main === "string") return resolveProgramPath(path.join(abs, main));
    }
    for (const candidate of ["index.ts", "index.js"]) {
      if (fs.existsSync(path.join(abs, candidate))) return path.join(abs, candidate);
    }
    throw new Error(`no program in ${abs}: expected package.json "main", index.ts or index.js`);
  }
  for (const candidate of [abs, `${abs}.ts`, `${abs}.js`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`program not found: ${abs}`);
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
  const secretKeys = (options.secretKeys ?? []).map((k) => (k.includes(":") ? k : `${project}:${k}`));
  const programPath = typeof program === "string" ? resolveProgramPath(program) : undefined;
  const monitor = new GroundworkMonitor({
    project,
    stack,
    preview,
    config,
    invokes: options.invokes,
    newResource: options.newResource,
  });
  const logs: { severity: "debug" | "info" | "warning" | "error"; message: string; urn?: string }[] = [];
  const severities = ["debug", "info", "warning", "error"] as const;
  const fakeEngine = {
    log(req: { getSeverity(): number; getMessage(): string; getUrn(): string }, cb: () => void): void {
      logs.push({
        severity: severities[req.getSeverity()] ?? "info",
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

  // Node runs these process handlers in the async context of the failing promise or callback, so an
  // error is charged to the synth that caused it, never to another one running concurrently.
  const token = Symbol("synth");
  let firstAsyncError: unknown;
  // The nodejs language host fails the program at its first unhandled rejection; so do we, rather than
  // wait for registrations that a rejected input will never complete.
  let failFast: (err: unknown) => void = () => undefined;
  const asyncFailure = new Promise<never>((_, reject) => {
    failFast = reject;
  });
  asyncFailure.catch(() => undefined);
  const onAsyncError = (err: unknown): void => {
    if (synthContext.getStore() !== token || firstAsyncError !== undefined) return;
    firstAsyncError = err;
    failFast(err);
  };
  const work = new PendingWork(token);

  const run = (): Promise<Record<string, unknown>> =>
    synthContext.run(token, () =>
      state.withLocalStorage(async () => {
        settings.setMockOptions(monitor, project, stack, preview, options.organization);
        state.getStore().settings.engine = fakeEngine;
        runtimeConfig.setAllConfig(config, secretKeys);
        const outputs = await pulumi.runtime.runInPulumiStack(async () => {
          const result =
            programPath !== undefined ? await runModule(programPath) : await (program as () => unknown)();
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
          if (work.draining === 0) break;
          await pause(1);
        }
        return (outputs ?? {}) as Record<string, unknown>;
      }),
    );

  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SynthError(
            `${describeProgram(program)} did not finish within ${timeoutMs} ms` +
              (preview
                ? " (in preview mode, awaiting an output that is unknown until deployment never resolves)"
                : ""),
            undefined,
          ),
        ),
      timeoutMs,
    );
  });

  // Stuck: the program has not finished, yet it has nothing pending that could ever wake it (no timer,
  // no I/O, no RPC) and started nothing new for a while. In preview that is an await on an unknown output.
  let stuckWatch: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    let lastStarts = -1;
    let quiet = 0;
    stuckWatch = synthContext.exit(() =>
      setInterval(() => {
        const idle = work.busy === 0 && work.starts === lastStarts;
        lastStarts = work.starts;
        quiet = idle ? quiet + 1 : 0;
        if (quiet < STUCK_TICKS) return;
        reject(
          new SynthError(
            `${describeProgram(program)} did not finish and has nothing left to wait for: it awaits a promise that` +
              " can never settle" +
              (preview ? " (in preview mode, most likely an output that is unknown until deployment)" : ""),
            undefined,
          ),
        );
      }, STUCK_TICK_MS),
    );
  });
  stuck.catch(() => undefined);

  process.on("unhandledRejection", onAsyncError);
  process.on("uncaughtException", onAsyncError);
  work.enable();
  try {
    await Promise.race([run(), timeout, asyncFailure, stuck]);
    if (firstAsyncError !== undefined) throw firstAsyncError;
    if (monitor.failures.length > 0) throw monitor.failures[0];
  } catch (err) {
    if (err instanceof SynthError) throw err;
    const location = programLocation(err) ?? (programPath ? programPath : undefined);
    const message = err instanceof Error ? err.message : String(err);
    throw new SynthError(
      `${describeProgram(program)} failed${location ? ` at ${location}` : ""}: ${message}`,
      err,
      location,
    );
  } finally {
    clearTimeout(timer);
    clearInterval(stuckWatch);
    work.disable();
    // A failing program usually leaves more rejected promises behind (the stack's outputs …); let them
    // surface while we still listen, or they would crash the host process after synth has returned.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onAsyncError);
    process.off("uncaughtException", onAsyncError);
  }
  const errors = logs.filter((l) => l.severity === "error");
  if (errors.length > 0) {
    throw new SynthError(
      `${describeProgram(program)} logged errors: ${errors.map((e) => e.message).join("; ")}`,
      undefined,
    );
  }
  const stackResource = monitor.resources.find((r: GraphResource) => r.type === STACK_TYPE);
  return {
    project,
    stack,
    preview,
    resources: monitor.resources,
    outputs: stackResource?.outputs ?? {},
    invokes: monitor.invokeLog,
    logs,
  };
}
