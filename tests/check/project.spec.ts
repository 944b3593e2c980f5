import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ProjectError, UnknownStackError, loadProject, loadStackConfig } from "../../check/project";
import { splitNodeArgs } from "../../check/shlex";
import { FIXTURES } from "../cli/helpers";

const temps: string[] = [];
after(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-project-"));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("project: Pulumi.yaml and Pulumi.<stack>.yaml", () => {
  const dir = path.join(FIXTURES, "public-bucket");

  it("reads name, runtime options, a directory main and stackConfigDir", () => {
    const p = loadProject(dir);
    assert.strictEqual(p.name, "public-bucket");
    assert.strictEqual(p.runtime, "nodejs");
    assert.deepStrictEqual(p.runtimeOptions, { typescript: false });
    assert.strictEqual(p.main, path.join(dir, "src"));
    assert.strictEqual(p.stackConfigDir, path.join(dir, "config"));
  });

  it("overlays stack config on project defaults, namespaces keys and marks secure values secret", () => {
    const c = loadStackConfig(loadProject(dir), "dev");
    assert.strictEqual(c.config["public-bucket:public"], true, "project-level default");
    assert.strictEqual(c.config["aws:region"], "eu-central-1", "the stack file beats the project value");
    assert.strictEqual(c.config["public-bucket:bucketName"], "assets");
    assert.deepStrictEqual(c.secretKeys, ["public-bucket:apiToken"]);
    assert.strictEqual(typeof c.config["public-bucket:apiToken"], "string");
  });

  it("rejects a stack key without a namespace, with the CLI's words, file and line", () => {
    assert.throws(
      () => loadStackConfig(loadProject(dir), "badkey"),
      (err: ProjectError) =>
        err instanceof ProjectError &&
        err.line === 3 &&
        err.message.includes("Pulumi.badkey.yaml:3") &&
        err.message.includes("could not parse bucketName as a configuration key"),
    );
  });

  it("names an unknown stack and lists the stacks that exist", () => {
    assert.throws(
      () => loadStackConfig(loadProject(dir), "prod"),
      (err: UnknownStackError) =>
        err instanceof UnknownStackError &&
        /no stack named 'prod' found/.test(err.message) &&
        err.known.join() === "badkey,dev,empty",
    );
  });

  it("reports YAML syntax errors with their line", () => {
    const d = tempProject({ "Pulumi.yaml": "name: x\nruntime: nodejs\nmain: [unclosed\n" });
    assert.throws(
      () => loadProject(d),
      (err: ProjectError) =>
        err instanceof ProjectError &&
        err.file === path.join(d, "Pulumi.yaml") &&
        err.line !== undefined &&
        /invalid YAML/.test(err.message),
    );
  });

  it("rejects a missing main, a non-nodejs runtime and a required config value left unset", () => {
    assert.throws(
      () => loadProject(tempProject({ "Pulumi.yaml": "name: x\nruntime: nodejs\nmain: nope.ts\n" })),
      /'main' "nope.ts" does not exist/,
    );
    assert.throws(
      () => loadProject(tempProject({ "Pulumi.yaml": "name: x\nruntime: python\n" })),
      /runtime 'python' is not supported/,
    );
    const d = tempProject({
      "Pulumi.yaml": "name: x\nruntime: nodejs\nconfig:\n  size:\n    type: integer\n",
      "Pulumi.dev.yaml": "config: {}\n",
      "index.js": "",
    });
    assert.throws(
      () => loadStackConfig(loadProject(d), "dev"),
      (err: ProjectError) => /missing configuration value 'x:size'/.test(err.message) && err.line === 4,
    );
  });
});

describe("runtime.options as the Node language host reads them", () => {
  it("nodeargs split with google/shlex's rules (its own test string, and the cases a shell would split differently)", () => {
    // shlex_test.go at e7afc7fbc510, the version pulumi-language-nodejs pins.
    const upstream =
      'one two "three four" "five \\"six\\"" seven#eight # nine # ten\n eleven \'twelve\\\' thirteen=13 fourteen/14';
    assert.deepStrictEqual(splitNodeArgs(upstream), [
      "one",
      "two",
      "three four",
      'five "six"',
      "seven#eight",
      "eleven",
      "twelve\\",
      "thirteen=13",
      "fourteen/14",
    ]);
    // Inside double quotes a backslash takes any next character (a shell keeps `\n` as two characters).
    assert.deepStrictEqual(splitNodeArgs("\"a\\nb\" '' c\\ d"), ["anb", "", "c d"]);
    assert.throws(() => splitNodeArgs("--require 'x"), /EOF found when expecting closing quote/);
    assert.throws(() => splitNodeArgs("--flag \\"), /EOF found after escape character/);
  });

  it("nodeargs and typescript reach the project; a wrong type is refused with the host's message", () => {
    const yaml = (options: string): string =>
      `name: p\nruntime:\n  name: nodejs\n  options:\n${options}\nmain: index.js\n`;
    const p = loadProject(
      tempProject({ "Pulumi.yaml": yaml("    nodeargs: --max-old-space-size=64 -r ./x.js"), "index.js": "" }),
    );
    assert.deepStrictEqual(p.nodeArgs, ["--max-old-space-size=64", "-r", "./x.js"]);
    assert.strictEqual(p.typescript, true);
    for (const [options, message] of [
      ["    nodeargs: 42", /nodeargs option must be a string/],
      ["    typescript: 'no'", /typescript option must be a boolean/],
      [
        "    packagemanager: pip",
        /packagemanager option must be one of auto, npm, yarn, pnpm or bun, got "pip"/,
      ],
      ['    nodeargs: "--a \'b"', /nodeargs: EOF found when expecting closing quote/],
    ] as const) {
      const dir = tempProject({ "Pulumi.yaml": yaml(options), "index.js": "" });
      assert.throws(
        () => loadProject(dir),
        (e: Error) => e instanceof ProjectError && message.test(e.message),
      );
    }
  });
});
