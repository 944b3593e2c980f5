// Where `--output` reports go, and what goes there when the check itself failed. The report path is
// written safely: never through a symbolic link, never over a project file that is not one of our own
// reports, and whole (a temp file beside it, then a rename), so a CI upload never reads half a report.
import * as fs from "fs";
import * as path from "path";
import { ReportFormat } from "../check/reporters";
import { esc, isolationProperties } from "../check/reporters/junit";
import { sarifLog } from "../check/reporters/sarif";
import { Isolation, describeIsolation } from "../engine/runner/isolation";

/** A report that cannot (or may not) be written: exit 2, naming the file. */
export class OutputError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot write report to ${file}: ${reason}`);
    this.name = "OutputError";
  }
}

// How each format starts (or, for SARIF and JUnit, what its first KiB holds), check reports and error
// reports alike, and `groundwork graph` output. A file inside the project that matches none of these is
// the user's, not a previous report, and is never overwritten.
const OUR_REPORTS: readonly RegExp[] = [
  /^groundwork (check|graph)\b/, // table
  /^\{\n {2}"project": /, // check JSON, graph JSON, error JSON
  /^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json"[^]*"name": "groundwork"/,
  /^<\?xml[^>]*>\n<testsuites name="groundwork check/,
  /^flowchart TB\n/, // graph mermaid
];

function writtenByGroundwork(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString("utf8");
    return OUR_REPORTS.some((re) => re.test(text));
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `file` (whose directory exists) lies inside `dir`, symbolic links resolved. */
function inside(file: string, dir: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return false;
  }
  const rel = path.relative(real, path.join(fs.realpathSync(path.dirname(file)), path.basename(file)));
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** Refuses what must never be overwritten; creates one missing directory level. */
function checkTarget(file: string, projectDir: string): void {
  const dir = path.dirname(file);
  // Only one level is created: a recursive mkdir under a path like /proc can spin instead of failing.
  if (!fs.existsSync(dir)) {
    if (!fs.existsSync(path.dirname(dir))) throw new Error(`directory ${path.dirname(dir)} does not exist`);
    fs.mkdirSync(dir);
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return; // a new file
  }
  if (stat.isSymbolicLink()) throw new Error("it is a symbolic link (refused: it could point anywhere)");
  if (!stat.isFile()) throw new Error("it exists and is not a regular file");
  if (inside(file, projectDir) && !writtenByGroundwork(file))
    throw new Error(
      "it is an existing file in the project directory that is not a groundwork report (refused: it could be the program's own source)",
    );
}

/** Writes `text` to `output` safely (see the file comment); `projectDir` is the checked project. */
export function writeReport(text: string, output: string, projectDir: string): void {
  const file = path.resolve(output);
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    checkTarget(file, projectDir);
    // `wx`: the temp name must be new, so a link planted under it cannot be followed either.
    fs.writeFileSync(tmp, text, { flag: "wx" });
    fs.renameSync(tmp, file);
    // Written after the program's tree is gone; read back, so a report that is not ours never passes.
    if (fs.readFileSync(file, "utf8") !== text) throw new Error("the file changed as it was written");
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // No temp file could have been made (its directory is not one).
    }
    throw new OutputError(output, err instanceof Error ? err.message : String(err));
  }
}

/**
 * The report written when the check could not finish (exit 2), so a CI step that uploads the report
 * `if: always()` finds a file that says what went wrong instead of failing on a missing one.
 */
export function errorReport(
  format: ReportFormat,
  stack: string,
  message: string,
  version?: string,
  isolation?: Isolation,
): string {
  switch (format) {
    case "json":
      return (
        JSON.stringify({ project: null, stack, isolation: isolation ?? null, error: message }, null, 2) + "\n"
      );
    case "sarif":
      return sarifError(message, version, isolation);
    case "junit":
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="groundwork check ${esc(stack)}" tests="1" failures="0" errors="1">\n` +
        `  <testsuite name="groundwork check" tests="1" failures="0" errors="1" skipped="0">\n` +
        isolationProperties({ isolation }) +
        `    <testcase name="check" classname="groundwork">\n` +
        `      <error message="${esc(message.split("\n")[0])}">${esc(message)}</error>\n` +
        `    </testcase>\n  </testsuite>\n</testsuites>\n`
      );
    default:
      return (
        `groundwork check ${stack}: error: ${message}\n` +
        (isolation ? `isolation: ${describeIsolation(isolation)}\n` : "")
      );
  }
}

/** SARIF's way to say the tool failed: an invocation that did not succeed, with the error as a notification. */
function sarifError(message: string, version?: string, isolation?: Isolation): string {
  return sarifLog(version, [], {
    invocations: [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: "error", message: { text: message } }],
        ...(isolation ? { properties: { isolation } } : {}),
      },
    ],
    results: [],
  });
}
