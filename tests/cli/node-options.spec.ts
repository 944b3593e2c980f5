// The gate's own process is closed to code a project could inject through Node's options (ADR 0014):
// refused unless --allow-node-options, harmless memory and warning options excepted.
import * as assert from "assert";
import { nodeOptionsRefusal } from "../../cli/closed";

describe("Node options that would load code into the gate", () => {
  it("refuses --require, --import, --inspect, --env-file and a quoted value, from NODE_OPTIONS or node's own flags", () => {
    for (const options of [
      "--require ./evil.js",
      "-r ./evil.js",
      "--import ./evil.mjs",
      "--loader ./hooks.mjs",
      "--inspect=0.0.0.0:9229",
      "--env-file=.env",
      '--max-old-space-size="4096"',
    ])
      assert.match(
        nodeOptionsRefusal({ NODE_OPTIONS: options }, []) ?? "",
        /refusing to run with NODE_OPTIONS=/,
        options,
      );
    assert.match(nodeOptionsRefusal({}, ["--inspect-brk"]) ?? "", /refusing to run with node --inspect-brk/);
    assert.match(nodeOptionsRefusal({}, ["--eval", "x"]) ?? "", /node --eval/);
  });

  it("lets memory, warning and certificate options through, and an empty NODE_OPTIONS", () => {
    assert.strictEqual(
      nodeOptionsRefusal({ NODE_OPTIONS: " --max-old-space-size=4096  --no-warnings --use-openssl-ca " }, [
        "--max-old-space-size=8192",
      ]),
      undefined,
    );
    assert.strictEqual(nodeOptionsRefusal({ NODE_OPTIONS: "" }, []), undefined);
  });
});
