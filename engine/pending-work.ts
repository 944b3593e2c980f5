// When a synth is finished: the async work a program started (timers, I/O, sockets) is tracked per synth,
// so the engine can wait for the event loop to drain as the language host does, and can tell a program
// that is stuck (nothing left that could ever wake it) from one that is still busy.
import { AsyncLocalStorage, createHook } from "async_hooks";
import { Program, SynthError, describeProgram } from "./program";

/** Marks the async context of each running synth, to tell whose program an async error came from. */
export const synthContext = new AsyncLocalStorage<symbol>();

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
export class PendingWork {
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
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) =>
    synthContext.exit(() => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve))),
  );
}

/** A rejection the synth races against, and how to stop its timer. */
export interface Watch {
  readonly failed: Promise<never>;
  stop(): void;
}

/** Fails once `timeoutMs` has passed: the bound on a program that keeps itself busy. */
export function deadline(program: Program, preview: boolean, timeoutMs: number): Watch {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
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
  return { failed, stop: () => clearTimeout(timer) };
}

/**
 * Stuck: the program has not finished, yet it has nothing pending that could ever wake it (no timer,
 * no I/O, no RPC) and started nothing new for a while. In preview that is an await on an unknown output.
 */
export function stuckWatch(program: Program, preview: boolean, work: PendingWork): Watch {
  let interval: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    let lastStarts = -1;
    let quiet = 0;
    interval = synthContext.exit(() =>
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
  failed.catch(() => undefined);
  return { failed, stop: () => clearInterval(interval) };
}
