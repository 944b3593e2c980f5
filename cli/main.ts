#!/usr/bin/env node
// The `groundwork` command: `check` (the offline policy gate) and `graph` (the component tree).
import * as fs from "fs";
import * as path from "path";
import { Args, USAGE, UsageError, parseArgs } from "./args";
import { toGraphJson, toMermaid } from "./graph";
import { runCheck, synthProject } from "../check/gate";
import { StackNameError } from "../check/project";
import { toJson, toJunit, toSarif, toTable } from "../check/reporters";

function packageVersion(): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

function finish(code: number, out?: string): void {
  if (out === undefined) {
    process.exit(code);
  }
  // Exit only once stdout has drained: a piped report must arrive whole.
  process.stdout.write(out, () => process.exit(code));
}

/** A report that cannot be written: exit 2, naming the file. */
class OutputError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot write report to ${file}: ${reason}`);
    this.name = "OutputError";
  }
}

/** Writes `text` to `output` (its directory created if its parent exists), or returns it for stdout. */
function emit(text: string, output: string | undefined): string | undefined {
  if (!output) return text;
  const file = path.resolve(output);
  const dir = path.dirname(file);
  try {
    // Only one level is created: a recursive mkdir under a path like /proc can spin instead of failing.
    if (!fs.existsSync(dir)) {
      if (!fs.existsSync(path.dirname(dir))) throw new Error(`directory ${path.dirname(dir)} does not exist`);
      fs.mkdirSync(dir);
    }
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new OutputError(output, err instanceof Error ? err.message : String(err));
  }
  return undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`groundwork: ${err.message}\n\n${USAGE}\n`);
    return finish(2);
  }
  if (args.command === "help") return finish(0, `${USAGE}\n`);

  if (args.command === "graph") {
    const { graph } = await synthProject(args.projectDir, args.stack, false, undefined, args.synthTimeoutMs);
    const text = args.format === "json" ? toGraphJson(graph) : toMermaid(graph);
    return finish(0, emit(text, args.output));
  }

  const { report, exitCode, logs } = await runCheck(args);
  for (const l of logs) {
    if (l.severity === "warning" || l.severity === "error")
      process.stderr.write(`${l.severity}: ${l.message.trim()}\n`);
  }
  let text: string;
  switch (args.format) {
    case "json":
      text = toJson(report);
      break;
    case "sarif":
      text = toSarif(report, { version: packageVersion() });
      break;
    case "junit":
      text = toJunit(report);
      break;
    default:
      text = toTable(report, {
        color: !args.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
      });
  }
  const out = emit(text, args.output);
  if (args.output) {
    const s = report.summary;
    process.stderr.write(
      `groundwork check: ${s.mandatory} mandatory, ${s.advisory} advisory violation(s); ${args.format} report written to ${args.output}\n`,
    );
  }
  finish(exitCode, out);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // Broken program, project, config or pack: say what and where, exit 2 (never a bare stack trace).
  const e = err as Error & { programError?: unknown };
  if (e instanceof UsageError || e instanceof StackNameError) {
    process.stderr.write(`groundwork: ${e.message}\n\n${USAGE}\n`);
    return finish(2);
  }
  const command = process.argv[2] === "graph" ? "graph" : "check";
  let message = e instanceof Error ? e.message : String(err);
  if (
    e instanceof Error &&
    e.name === "SynthError" &&
    e.programError instanceof Error &&
    e.programError.stack
  ) {
    const frames = e.programError.stack
      .split("\n")
      // Engine frames, compiled or (through source maps) the TypeScript hook's, are not the program's.
      .filter((l) => /^\s+at /.test(l) && !/node_modules|node:|[\\/]engine[\\/]/.test(l))
      .slice(0, 3);
    if (frames.length) message += `\n${frames.join("\n")}`;
  }
  process.stderr.write(`groundwork ${command}: error: ${message}\n`);
  finish(2);
});
