#!/usr/bin/env node
// The `groundwork` command: `check` (the offline policy gate), `graph` (the component tree) and `rules`
// (the built-in policies and the frameworks they cover).
// First of all: the gate's own process is closed (no inspector on SIGUSR1); see closed.ts.
import { nodeOptionsRefusal } from "./closed";
import * as fs from "fs";
import * as path from "path";
import { Args, USAGE, UsageError, parseArgs } from "./args";
import { incompleteNote, toGraphJson, toMermaid } from "./graph";
import { engineInputs, runCheck, synthProject } from "../check/gate";
import { StackNameError } from "../check/project";
import { synthContext } from "../engine/pending-work";
import { ReportFormat, toJson, toJunit, toSarif, toTable } from "../check/reporters";
import { OutputError, errorReport, writeReport } from "./output";
import { typecheckProject } from "./typecheck";
import { Isolation, describeIsolation } from "../engine/runner/isolation";
import { claimSignals, killAll } from "../engine/runner/lifecycle";

/** This package's version, read once at start (nothing of the gate's is read after the program starts). */
const VERSION: string | undefined = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
})();
const packageVersion = (): string | undefined => VERSION;

/** The program's isolation, once chosen: error reports carry it too. */
let isolation: Isolation | undefined;
const noteIsolation = (iso: Isolation): void => {
  isolation = iso;
};

/**
 * What stdout was at start, when it is a regular file (`> report.json`): a report is appended only if
 * nothing else wrote into it meanwhile (a process of the same user can, through /proc/<pid>/fd/1).
 */
const stdoutAtStart = ((): { size: number; ino: number } | undefined => {
  try {
    const st = fs.fstatSync(1);
    return st.isFile() ? { size: st.size, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
})();

/** Why stdout cannot carry the report, if something else wrote to it during the check. */
function stdoutTampered(): string | undefined {
  if (!stdoutAtStart) return undefined;
  try {
    const st = fs.fstatSync(1);
    if (st.ino === stdoutAtStart.ino && st.size === stdoutAtStart.size) return undefined;
    return `stdout (a file) changed during the check from ${stdoutAtStart.size} to ${st.size} bytes, and the gate wrote none of it: the report is not appended to a stream someone else writes`;
  } catch (err) {
    return `stdout could not be checked: ${(err as Error).message}`;
  }
}

function finish(code: number, out?: string): void {
  if (out === undefined) {
    process.exit(code);
  }
  const tampered = stdoutTampered();
  if (tampered) {
    process.stderr.write(`groundwork: error: ${tampered}\n`);
    process.exit(2);
  }
  // Exit only once stdout has drained: a piped report must arrive whole.
  process.stdout.write(out, () => process.exit(code));
}

/** The report file a check asked for, so that even a failed check (exit 2) leaves one. */
let requested: { format: ReportFormat; output: string; stack: string; projectDir: string } | undefined;

/** Writes `text` to `output` (see output.ts for what is refused), or returns it for stdout. */
function emit(text: string, output: string | undefined, projectDir: string): string | undefined {
  if (!output) return text;
  writeReport(text, output, projectDir);
  return undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  let args: Args;
  try {
    if (argv[0] === "rules" && !argv.some((a) => a === "--help" || a === "-h")) {
      // Loaded only here: the rules load the whole pack, which `check` loads only when it evaluates in process.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseRulesArgs, rulesText } = require("./rules") as typeof import("./rules");
      return finish(0, rulesText(parseRulesArgs(argv.slice(1))));
    }
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`groundwork: ${err.message}\n\n${USAGE}\n`);
    return finish(2);
  }
  if (args.command === "help") return finish(0, `${USAGE}\n`);
  if (args.command === "version") return finish(0, `groundwork ${packageVersion() ?? "(version unknown)"}\n`);
  if (args.command === "check" && args.output)
    requested = { format: args.format, output: args.output, stack: args.stack, projectDir: args.projectDir };
  const refused = args.allowNodeOptions ? undefined : nodeOptionsRefusal();
  if (refused) return fail(args.command, refused);

  if (args.command === "graph") {
    const { graph, isolation: iso } = await synthProject(
      args.projectDir,
      args.stack,
      false,
      undefined,
      args.synthTimeoutMs,
      engineInputs({ ...args, onIsolation: noteIsolation }),
    );
    process.stderr.write(`groundwork graph: isolation: ${describeIsolation(iso)}\n`);
    process.stderr.write(incompleteNote(graph));
    const text = args.format === "json" ? toGraphJson(graph) : toMermaid(graph);
    return finish(0, emit(text, args.output, args.projectDir));
  }

  const typeErrors = args.typecheck
    ? typecheckProject(args.projectDir, args.isolation, args.synthTimeoutMs)
    : undefined;
  if (typeErrors !== undefined) return fail("check", typeErrors);
  const { report, exitCode, logs } = await runCheck({ ...args, onIsolation: noteIsolation });
  if (report.isolation && !report.isolation.full)
    process.stderr.write(`warning: isolation: ${describeIsolation(report.isolation)}\n`);
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
        verbose: args.verbose,
      });
  }
  const out = emit(text, args.output, args.projectDir);
  if (args.output) {
    const s = report.summary;
    process.stderr.write(
      `groundwork check: ${s.mandatory} mandatory, ${s.advisory} advisory violation(s); ${args.format} report written to ${args.output}\n`,
    );
  }
  finish(exitCode, out);
}

/** Writes the error report a check asked for, if it did; a failure to write it is said, not thrown. */
function writeErrorReport(
  command: string,
  message: string,
  writing: typeof requested | null = requested,
): void {
  if (writing) {
    try {
      const text = errorReport(writing.format, writing.stack, message, packageVersion(), isolation);
      writeReport(text, writing.output, writing.projectDir);
      process.stderr.write(
        `groundwork ${command}: error report (${writing.format}) written to ${writing.output}\n`,
      );
    } catch (err) {
      process.stderr.write(`groundwork ${command}: error: ${(err as Error).message}\n`);
    }
  }
}

/** Exit 2 with `message`, first writing the error report a check asked for. */
function fail(command: string, message: string, writing: typeof requested | null = requested): void {
  process.stderr.write(`groundwork ${command}: error: ${message}\n`);
  writeErrorReport(command, message, writing);
  finish(2);
}

const commandName = (): string =>
  process.argv[2] === "graph" || process.argv[2] === "rules" ? process.argv[2] : "check";

// Every catchable signal ends the check with exit 2 and the requested report written, once the program's
// tree and the packs are gone (ADR 0014). SIGUSR1 included: it never opens an inspector here.
let interrupted = false;
claimSignals((signal) => {
  if (interrupted) return;
  interrupted = true;
  void killAll().then(() =>
    fail(commandName(), `interrupted by ${signal} before the check finished; nothing was decided`),
  );
});

// Exit codes are 0, 1 or 2 only: an error nothing else caught is a failed check (2), never Node's own
// 1 (which would read as "violations") or 7. While the engine runs a program it listens for the errors
// raised in the program's async context and reports them itself; those are left to it.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (err: unknown) => {
    if (synthContext.getStore() !== undefined && process.listenerCount(event) > 1) return;
    fail(commandName(), `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // Broken program, project, config or pack: say what and where, exit 2 (never a bare stack trace).
  const e = err as Error & { programError?: unknown };
  if (e instanceof UsageError || e instanceof StackNameError) {
    process.stderr.write(`groundwork: ${e.message}\n\n${USAGE}\n`);
    writeErrorReport(commandName(), e.message);
    return finish(2);
  }
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
  // A report that could not be written is not retried as an error report.
  fail(commandName(), message, e instanceof OutputError ? null : requested);
});
