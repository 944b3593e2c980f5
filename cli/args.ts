// Command-line parsing for `groundwork`: strict (an unknown flag is an error, never ignored), no dependencies.
import { REPORT_FORMATS, ReportFormat } from "../testing/reporters";

/** Bad arguments: exit 2 with usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The program's run-time limit when --timeout is not given: generous, yet short of a CI job's own. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

export const USAGE = `usage:
  groundwork check [PROJECT_DIR] --stack NAME
                   [--policy-pack DIR]... [--policy-pack-config FILE]...
                   [--format table|json|sarif|junit] [--output FILE] [--update]
                   [--timeout SECONDS]
  groundwork graph [PROJECT_DIR] --stack NAME [--format mermaid|json] [--output FILE]
                   [--timeout SECONDS]

--stack takes NAME, ORG/NAME or ORG/PROJECT/NAME (the stack file is Pulumi.NAME.yaml).
--timeout: how long the program may run before it fails (default ${DEFAULT_TIMEOUT_SECONDS}); a program
  that awaits something that can never happen (an unknown output in preview) fails at once.

exit codes: 0 no mandatory violation, 1 mandatory violations, 2 broken program, config or arguments`;

export interface CheckArgs {
  readonly command: "check";
  readonly projectDir: string;
  readonly stack: string;
  readonly policyPacks: readonly string[];
  readonly policyPackConfigs: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly update: boolean;
  /** --timeout, in milliseconds. */
  readonly synthTimeoutMs: number;
}

export interface GraphArgs {
  readonly command: "graph";
  readonly projectDir: string;
  readonly stack: string;
  readonly format: "mermaid" | "json";
  readonly output?: string;
  readonly synthTimeoutMs: number;
}

export type Args = CheckArgs | GraphArgs | { readonly command: "help" };

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h")
    return { command: "help" };
  if (command !== "check" && command !== "graph")
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);

  const positional: string[] = [];
  const packs: string[] = [];
  const configs: string[] = [];
  let stack: string | undefined;
  let format: string | undefined;
  let output: string | undefined;
  let update = false;
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--help" || arg === "-h") return { command: "help" };
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--stack":
      case "-s":
        stack = value();
        break;
      case "--format":
        format = value();
        break;
      case "--output":
      case "-o":
        output = value();
        break;
      case "--policy-pack":
        if (command !== "check") throw new UsageError(`${flag} is only valid for check`);
        packs.push(value());
        break;
      case "--policy-pack-config":
        if (command !== "check") throw new UsageError(`${flag} is only valid for check`);
        configs.push(value());
        break;
      case "--timeout": {
        const v = value();
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) {
          throw new UsageError(`--timeout ${v} is not a positive number of seconds`);
        }
        timeoutSeconds = Number(v);
        break;
      }
      case "--update":
        if (command !== "check") throw new UsageError(`${flag} is only valid for check`);
        update = true;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length > 1) throw new UsageError(`one PROJECT_DIR expected, got ${positional.join(" ")}`);
  if (!stack) throw new UsageError("--stack NAME is required");
  const projectDir = positional[0] ?? ".";
  const synthTimeoutMs = Math.round(timeoutSeconds * 1000);
  if (command === "graph") {
    const f = format ?? "mermaid";
    if (f !== "mermaid" && f !== "json") throw new UsageError(`--format ${f} is not one of mermaid, json`);
    return { command, projectDir, stack, format: f, output, synthTimeoutMs };
  }
  const f = format ?? "table";
  if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f} is not one of ${REPORT_FORMATS.join(", ")}`);
  }
  // The CLI pairs configs with packs by position; with no --policy-pack, one config goes to the default pack.
  if (configs.length > Math.max(packs.length, 1)) {
    throw new UsageError(
      `${configs.length} --policy-pack-config given for ${packs.length || "the default"} pack(s): give at most one per --policy-pack, in the same order`,
    );
  }
  return {
    command,
    projectDir,
    stack,
    policyPacks: packs,
    policyPackConfigs: configs,
    format: f as ReportFormat,
    output,
    update,
    synthTimeoutMs,
  };
}
