// A cloud entry point whose optional provider SDK is missing says which package to install, instead of a
// bare "Cannot find module" from deep inside the entry. Each case runs in a fresh Node process in which
// the SDK cannot be resolved, as in a project that never installed it.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { requirePeerSdk } from "../../components/core/peer";

const ROOT = path.resolve(__dirname, "../../..");

/** Requires `entry` in a process where `sdk` (and anything under it) cannot be resolved. */
function loadWithout(entry: string, sdk: string): { status: number | null; stderr: string } {
  const script = `
    const Module = require("module");
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request === ${JSON.stringify(sdk)} || request.startsWith(${JSON.stringify(sdk + "/")})) {
        const err = new Error("Cannot find module '" + request + "'");
        err.code = "MODULE_NOT_FOUND";
        throw err;
      }
      return resolve.call(this, request, ...rest);
    };
    require(${JSON.stringify(entry)});
  `;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

describe("package: a missing optional provider SDK", function () {
  this.timeout(60_000);

  for (const [entry, sdk] of [
    ["@groundwork/infra/kubernetes", "@pulumi/kubernetes"],
    ["@groundwork/infra/aws", "@pulumi/aws"],
  ]) {
    it(`${entry} without ${sdk} names the package and the install command`, () => {
      const r = loadWithout(entry, sdk);
      assert.notEqual(r.status, 0);
      assert.match(
        r.stderr,
        new RegExp(
          `${entry} needs the provider SDK ${sdk}, an optional peer dependency that is not installed: run \`npm install ${sdk}\``,
        ),
      );
    });
  }

  it("with the SDK present, the check passes silently", () => {
    assert.doesNotThrow(() => requirePeerSdk("@groundwork/infra/aws", "@pulumi/aws"));
    assert.throws(
      () =>
        requirePeerSdk("@groundwork/infra/x", "@pulumi/x", () => {
          throw new Error("nope");
        }),
      /@groundwork\/infra\/x needs the provider SDK @pulumi\/x/,
    );
  });
});
