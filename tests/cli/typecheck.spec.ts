// `groundwork check --typecheck`: a program with a type error fails (exit 2, the compiler's message on
// stderr and in the requested report) before the gate; one that compiles goes on to the gate.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, groundwork } from "./helpers";

/**
 * A tiny project in a temporary directory: no provider import, so tsc takes seconds. node_modules is
 * the repository's (the program runner resolves @pulumi/pulumi from the project).
 */
function project(program: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-typecheck-"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: typed\nruntime: nodejs\nmain: index.ts\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, types: [], skipLibCheck: true }, files: ["index.ts"] }),
  );
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  return dir;
}

describe("groundwork check --typecheck", function () {
  this.timeout(120_000);
  const temps: string[] = [];
  after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("fails a program with a type error: exit 2, tsc's message on stderr and in the JSON report", async () => {
    const dir = project('const port: number = "8080";\nexport const url = `http://localhost:${port}`;\n');
    temps.push(dir);
    const report = path.join(dir, "report.json");
    const r = await groundwork(
      "check",
      dir,
      "--stack",
      "dev",
      "--typecheck",
      "--format",
      "json",
      "-o",
      report,
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /index\.ts\(1,7\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
    assert.match(r.stderr, /does not compile .*1 error/);
    assert.match(JSON.parse(fs.readFileSync(report, "utf8")).error, /TS2322/);
  });

  it("lets a program that compiles through to the gate", async () => {
    const dir = project("const port: number = 8080;\nexport const url = `http://localhost:${port}`;\n");
    temps.push(dir);
    const r = await groundwork("check", dir, "--stack", "dev", "--typecheck", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.mandatory, 0);
    assert.doesNotMatch(r.stderr, /error TS/);
  });

  it("names a project with no tsconfig.json (exit 2) instead of running the gate", async () => {
    const dir = project("export const x = 1;\n");
    temps.push(dir);
    fs.rmSync(path.join(dir, "tsconfig.json"));
    const r = await groundwork("check", dir, "--stack", "dev", "--typecheck");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--typecheck: .* has no tsconfig\.json/);
  });

  it("is refused for graph", async () => {
    const r = await groundwork("graph", ".", "--stack", "dev", "--typecheck");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--typecheck is only valid for check/);
  });
});
