// Every process the gate starts (the program's launcher, each policy pack) is registered here, so that the
// gate's end takes them with it, however it ends: at exit they are killed, and a terminating signal goes to
// one owner. `groundwork check` claims every catchable signal (exit 2, report written: ADR 0014); a process
// that embeds the gate as a library keeps the old behaviour (SIGINT / SIGTERM stop the children, then
// exit 130 / 143) and its own handling of every other signal.

/** A child the gate started. */
export interface Child {
  /** SIGKILL now: nothing asynchronous can run at exit. */
  killNow(): void;
  /** Settles when the child (and, for the program, its whole tree) is gone. */
  readonly gone: Promise<unknown>;
}

const live = new Set<Child>();

/**
 * Every signal whose default action ends or stops the process and that a handler can catch. SIGPIPE is
 * left alone (Node ignores it: a closed pipe is an EPIPE error) and so are the ones ignored by default.
 */
export const TERMINATING_SIGNALS: readonly NodeJS.Signals[] = [
  "SIGHUP",
  "SIGINT",
  "SIGQUIT",
  "SIGILL",
  "SIGTRAP",
  "SIGABRT",
  "SIGBUS",
  "SIGFPE",
  "SIGUSR1",
  "SIGSEGV",
  "SIGUSR2",
  "SIGALRM",
  "SIGTERM",
  "SIGSTKFLT",
  "SIGXCPU",
  "SIGXFSZ",
  "SIGVTALRM",
  "SIGPROF",
  "SIGIO",
  "SIGPWR",
  "SIGSYS",
  "SIGTSTP",
  "SIGTTIN",
  "SIGTTOU",
].filter(
  (s) => process.platform === "linux" || !["SIGSTKFLT", "SIGPWR", "SIGIO"].includes(s),
) as NodeJS.Signals[];

let owner: ((signal: NodeJS.Signals) => void) | undefined;

/** Kills every live child now (SIGKILL), synchronously. */
export function killAllNow(): void {
  for (const c of live) c.killNow();
}

/** Kills every live child and waits until each is gone (at most `graceMs`). */
export async function killAll(graceMs = 3000): Promise<void> {
  const children = [...live];
  for (const c of children) c.killNow();
  const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.allSettled(children.map((c) => c.gone)), grace]);
}

const LIBRARY_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
function librarySignal(signal: NodeJS.Signals): void {
  void killAll().then(() => process.exit(LIBRARY_EXIT[signal]));
}

function librarySignals(on: boolean): void {
  if (owner) return;
  process[on ? "on" : "off"]("SIGINT", librarySignal);
  process[on ? "on" : "off"]("SIGTERM", librarySignal);
}

/** Registers a child until it is gone; returns the function that forgets it early. */
export function track(child: Child): () => void {
  if (live.size === 0) {
    process.on("exit", killAllNow);
    librarySignals(true);
  }
  live.add(child);
  const forget = (): void => {
    if (!live.delete(child) || live.size > 0) return;
    process.off("exit", killAllNow);
    librarySignals(false);
  };
  void child.gone.then(forget, forget);
  return forget;
}

/**
 * Makes `handler` the one owner of every catchable terminating signal, for the life of the process. It is
 * called once per signal; it should kill the children (killAll), write what it must and exit. Claiming
 * SIGUSR1 also keeps Node from opening its inspector on it.
 */
export function claimSignals(handler: (signal: NodeJS.Signals) => void): void {
  if (live.size > 0) librarySignals(false);
  owner = handler;
  for (const s of TERMINATING_SIGNALS) process.on(s, handler);
}
