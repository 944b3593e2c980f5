// `--output` written safely, a report file even when the check fails (exit 2), and exit codes that are
// only ever 0, 1 or 2.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFile } from "child_process";
import { CLI, FIXTURES, ROOT, RunResult, groundwork } from "./helpers";
import { sarifValidator } from "../check/sarif-schema";

// xml2js: the parser many CI JUnit readers are built on; no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise(xml: string): Promise<unknown> };

const temps: string[] = [];
after(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A project with a Pulumi.yaml and a program file, and no stack files: any `--stack` fails (exit 2). */
function brokenProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-out-"));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "index.js"), "// the program\n");
  return dir;
}

/** A check of `dir` that fails with exit 2 (no such stack), asking for a report at `output`. */
const failing = (dir: string, format: string, output: string): Promise<RunResult> =>
  groundwork("check", dir, "--stack", "nope", "--format", format, "--output", output);

const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("--output safety, error reports and exit codes", function () {
  this.timeout(120_000);

  describe("exit 2 still writes the requested report, saying what went wrong", () => {
    // A CI step that uploads the report `if: always()` (SARIF to code scanning, JUnit to a test reporter)
    // must find a file after a failed check, as it does after `pulumi preview` fails with its own output.
    const cases: [string, (text: string) => Promise<void> | void][] = [
      [
        "json",
        (text) => {
          const j = JSON.parse(text) as { stack: string; error: string };
          assert.strictEqual(j.stack, "nope");
          assert.match(j.error, /no stack named 'nope' found/);
        },
      ],
      [
        "sarif",
        (text) => {
          const log = JSON.parse(text);
          const validate = sarifValidator();
          assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
          const inv = log.runs[0].invocations[0];
          assert.strictEqual(inv.executionSuccessful, false);
          assert.strictEqual(inv.toolExecutionNotifications[0].level, "error");
          assert.match(inv.toolExecutionNotifications[0].message.text, /no stack named 'nope'/);
          assert.deepStrictEqual(log.runs[0].results, []);
        },
      ],
      [
        "junit",
        async (text) => {
          const doc = (await parseStringPromise(text)) as {
            testsuites: { $: Record<string, string>; testsuite: { testcase: { error: unknown[] }[] }[] };
          };
          assert.strictEqual(doc.testsuites.$.errors, "1");
          assert.strictEqual(doc.testsuites.$.failures, "0");
          assert.match(JSON.stringify(doc.testsuites.testsuite[0].testcase[0].error), /no stack named/);
        },
      ],
      ["table", (text) => assert.match(text, /^groundwork check nope: error: no stack named 'nope'/)],
    ];
    for (const [format, check] of cases) {
      it(format, async () => {
        const dir = brokenProject();
        const out = path.join(dir, "reports", `report.${format}`);
        const r = await failing(dir, format, out);
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stderr, new RegExp(`error report \\(${format}\\) written to`));
        await check(fs.readFileSync(out, "utf8"));
        // A second failed run replaces its own earlier report inside the project directory.
        assert.strictEqual((await failing(dir, format, out)).code, 2);
        assert.deepStrictEqual(leftovers(path.dirname(out)), [], "no temp file left behind");
      });
    }
  });

  it("refuses a symbolic link, leaving it and its target untouched", async () => {
    const dir = brokenProject();
    const target = path.join(dir, "elsewhere.txt");
    fs.writeFileSync(target, "keep");
    const link = path.join(os.tmpdir(), `gw-link-${process.pid}.json`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link);
    try {
      const r = await groundwork(
        "check",
        path.join(FIXTURES, "public-bucket"),
        "--stack",
        "dev",
        "--format",
        "json",
        "--output",
        link,
      );
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, /cannot write report to .*: it is a symbolic link/);
      assert.strictEqual(fs.readFileSync(target, "utf8"), "keep");
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    } finally {
      fs.rmSync(link, { force: true });
    }
  });

  it("never overwrites a project file that is not a groundwork report", async () => {
    // The report path is often inside the checked repository; a typo (or a hostile workflow) must not
    // turn `--output` into a way to overwrite the program or its config.
    const dir = brokenProject();
    for (const file of ["index.js", "Pulumi.yaml"]) {
      const before = fs.readFileSync(path.join(dir, file), "utf8");
      const r = await failing(dir, "json", path.join(dir, file));
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, /not a groundwork report \(refused: it could be the program's own source\)/);
      assert.strictEqual(fs.readFileSync(path.join(dir, file), "utf8"), before);
    }
    assert.deepStrictEqual(leftovers(dir), []);
  });

  it("an uncaught error or rejection in the command exits 2 with a message, never Node's 1 or 7", async () => {
    // Exit 1 means "mandatory violations" to CI; a crash must read as a failed check (2).
    const dir = brokenProject();
    for (const kind of ["throw", "reject"]) {
      const preload = path.join(dir, `${kind}.js`);
      fs.writeFileSync(
        preload,
        `if (/main\\.js$/.test(process.argv[1] || "")) setTimeout(() => { ${
          kind === "throw" ? 'throw new Error("boom-throw")' : 'Promise.reject(new Error("boom-reject"))'
        }; }, 0);\n`,
      );
      const r = await new Promise<RunResult>((resolve) =>
        execFile(
          process.execPath,
          // --allow-node-options: the preload is this test's, injected on purpose (ADR 0014 refuses it otherwise).
          [
            "--require",
            preload,
            CLI,
            "check",
            path.join(FIXTURES, "public-bucket"),
            "--stack",
            "dev",
            "--allow-node-options",
          ],
          { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } },
          (err, stdout, stderr) =>
            resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
        ),
      );
      assert.strictEqual(r.code, 2, `${kind}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`boom-${kind}`));
    }
  });
});
