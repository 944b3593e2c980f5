// The built Azure entry loads `@pulumi/azure-native` by sub-path only: no file of the SDK's root index
// (which loads ~490 files and every enum module), and nothing of the AWS or Google Cloud SDKs.
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

const ENTRY = path.resolve(__dirname, "../../components/azure/index.js");
/** The root's own files: loading any means the root was imported (a sub-path loads its own enums only). */
const ROOT_FILES = ["index.js", "types/index.js", "types/enums/index.js"];

describe("azure entry: load cost", function () {
  this.timeout(120_000);

  it("loads sub-paths of @pulumi/azure-native only, and no other cloud's SDK", () => {
    const script = `
      const m = require(${JSON.stringify(ENTRY)});
      if (typeof m.StorageAccount !== "function") throw new Error("no StorageAccount export");
      process.stdout.write(JSON.stringify(Object.keys(require.cache).map((f) => f.split(require("path").sep).join("/"))));
    `;
    const files = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }),
    ) as string[];
    const sdk = files.filter((f) => f.includes("/node_modules/@pulumi/azure-native/"));
    // The check works: the sub-paths are seen.
    assert.ok(
      sdk.some((f) => f.endsWith("/@pulumi/azure-native/keyvault/index.js")),
      "keyvault loaded",
    );
    assert.deepStrictEqual(
      sdk.filter((f) => ROOT_FILES.some((root) => f.endsWith(`/@pulumi/azure-native/${root}`))),
      [],
      "the root index, or the index of every enum module it loads eagerly",
    );
    assert.ok(sdk.length < 80, `${sdk.length} SDK files loaded`);
    assert.deepStrictEqual(
      files.filter((f) => /\/node_modules\/@pulumi\/(aws|gcp)\//.test(f)),
      [],
    );
  });
});
