// Loaded (`node --require`) into the program's process before the SDK's runner. Two jobs: TypeScript
// programs are transpiled on require as the in-process synth does (see engine/typescript.ts), and a
// watchdog thread kills the program's process group when the gate dies, even by SIGKILL and even while the
// program's own thread is stuck in a busy loop.
import { Worker, isMainThread } from "worker_threads";
import { registerTypeScript } from "../typescript";

const WATCHDOG = `
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(-process.pid, "SIGKILL");
}, 500);
`;

// `--require` reaches every worker thread too (the watchdog's included): only the main thread sets up.
if (isMainThread) {
  const tsFrom = process.env.GROUNDWORK_TYPESCRIPT_FROM;
  if (tsFrom) registerTypeScript(tsFrom);
  // Unref'd: the watchdog must never keep the program alive, or the runner's "event loop empty" end would
  // never come. Its own execArgv is empty, so it does not load this file again.
  new Worker(WATCHDOG, { eval: true, execArgv: [] }).unref();
}
