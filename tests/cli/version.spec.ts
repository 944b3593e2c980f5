// `groundwork --version`: the package's own version, so a CI log says which gate judged the change.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { ROOT, groundwork } from "./helpers";

describe("groundwork --version", function () {
  this.timeout(60_000);

  it("prints the package.json version and exits 0, in each spelling", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    for (const flag of ["--version", "-V", "version"]) {
      const r = await groundwork(flag);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `groundwork ${version}\n`);
    }
  });

  it("is listed in the usage text", async () => {
    const r = await groundwork("--help");
    assert.match(r.stdout, /groundwork --version/);
  });
});
