#!/usr/bin/env node
// The `groundwork` command: `check` (the offline policy gate) and `graph` (the component tree).
import * as fs from "fs";
import * as path from "path";
import { Args, USAGE, UsageError, parseArgs } from "./args";
import { runCheck, synthProject } from "./check";
import { toGraphJson, toMermaid } from "./graph";
import { toJson, toJunit, toSarif, toTable } from "../testing/reporters";

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

function emit(text: string, output: string | undefined): string | undefined {
  if (!output) return text;
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, text);
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
    const { graph } = await synthProject(args.projectDir, args.stack);
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
  if (args.output) {
    const s = report.summary;
    process.stderr.write(
      `groundwork check: ${s.mandatory} mandatory, ${s.advisory} advisory violation(s); ${args.format} report written to ${args.output}\n`,
    );
  }
  finish(exitCode, emit(text, args.output));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // Broken program, project, config or pack: say what and where, exit 2 (never a bare stack trace).
  const e = err as Error & { programError?: unknown };
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
      .filter((l) => /^\s+at /.test(l) && !/node_modules|node:|[\\/]dist[\\/]testing[\\/]/.test(l))
      .slice(0, 3);
    if (frames.length) message += `\n${frames.join("\n")}`;
  }
  process.stderr.write(`groundwork ${command}: error: ${message}\n`);
  finish(2);
});
