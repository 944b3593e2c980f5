// A SIGKILLed gate cannot stop its packs itself; the watchdog preloaded into each pack process must.
import * as assert from "assert";
import * as path from "path";
import { spawn } from "child_process";
import { CLI, FIXTURES, ROOT, packProcessOf, processAlive } from "./helpers";

describe("pack processes die with the gate", function () {
  this.timeout(120_000);

  it("SIGKILL of `groundwork check` leaves no pack process behind", async () => {
    // The Pulumi CLI's analyzer plugins do not outlive the engine; a CI runner killing a hung job with
    // SIGKILL (no handler can run) must not be left with the pack still running.
    const project = path.join("tests", "fixtures", "public-bucket");
    const cli = spawn(
      process.execPath,
      [CLI, "check", project, "--stack", "dev", "--policy-pack", path.join(FIXTURES, "packs", "stall")],
      { cwd: ROOT, stdio: "ignore" },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on("exit", (_c, s) => resolve(s)));
    const pack = await packProcessOf(cli.pid!);
    assert.ok(pack, "the pack process never started");
    await new Promise((r) => setTimeout(r, 500)); // into the stalled Analyze call
    cli.kill("SIGKILL");
    assert.strictEqual(await exited, "SIGKILL");
    for (let i = 0; i < 50 && processAlive(pack); i++) await new Promise((r) => setTimeout(r, 100));
    const alive = processAlive(pack);
    if (alive) process.kill(pack, "SIGKILL"); // never leave it running for the next spec
    assert.ok(!alive, `pack process ${pack} outlived the SIGKILLed gate`);
  });
});
