// Loaded into every policy pack process (`node --require watchdog.js …`) so the pack dies with the gate,
// even when the gate is SIGKILLed and cannot stop it: the Pulumi CLI's plugins stop when the engine goes
// away, and a CI runner must not be left with orphaned pack processes.
//
// Two signals, either enough: the pack's stdin is a pipe whose only writer is the gate, so it reads EOF
// the moment the gate dies, however it dies; and, for a gate whose pipe outlived it (a grandchild holding
// the fd), the parent pid changing means the pack was re-parented to init.
const parent = process.ppid;

// SIGUSR1 would open Node's inspector in the pack, where a process of the same user could rewrite its
// policies: a listener keeps the inspector closed (ADR 0014).
process.on("SIGUSR1", () => undefined);

function gateGone(): void {
  process.exit(1);
}

if (!process.stdin.isTTY) {
  process.stdin.on("end", gateGone);
  process.stdin.on("close", gateGone);
  process.stdin.on("error", gateGone);
  process.stdin.resume();
  // Watching must never be what keeps the pack alive.
  (process.stdin as { unref?: () => void }).unref?.();
}
setInterval(() => {
  if (process.ppid !== parent) gateGone();
}, 500).unref();
export {};
