// Command-line parsing for `groundwork`: strict (an unknown flag is an error, never ignored), no dependencies.
import { DEFAULT_SYNTH_TIMEOUT_MS } from "../check/gate";
import { ISOLATION_REQUESTS, IsolationRequest } from "../engine/runner/isolation";
import { REPORT_FORMATS, ReportFormat } from "../check/reporters";
import { FRAMEWORKS } from "../policy/runtime/frameworks";

/** Bad arguments: exit 2 with usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The program's run-time limit when --timeout is not given. */
export const DEFAULT_TIMEOUT_SECONDS = DEFAULT_SYNTH_TIMEOUT_MS / 1000;

export const USAGE = `usage:
  groundwork --version
  groundwork check [PROJECT_DIR] --stack NAME
                   [--policy-pack DIR]... [--policy-pack-config FILE]...
                   [--builtin-config FILE] [--no-builtin]
                   [--format table|json|sarif|junit] [--output FILE] [--update]
                   [--timeout SECONDS] [--allow-incomplete]
                   [--invokes FILE] [--stack-outputs DIR] [--typecheck] [--verbose]
                   [--isolation auto|strict|none] [--allow-node-options]
  groundwork graph [PROJECT_DIR] --stack NAME [--format mermaid|json] [--output FILE]
                   [--timeout SECONDS] [--invokes FILE] [--stack-outputs DIR]
                   [--isolation auto|strict|none] [--allow-node-options]
  groundwork rules [--framework ${FRAMEWORKS.join("|")}]
                   [--format table|json]
  groundwork rules --coverage [--format table|json|markdown]

The built-in pack (groundwork-security) always runs; each --policy-pack adds a pack beside it, and
  --policy-pack-config files pair with --policy-pack by position. Without --policy-pack, one
  --policy-pack-config configures the built-in pack; with them, --builtin-config does.
--no-builtin turns the built-in pack off (said in every report); it needs at least one --policy-pack.
rules lists every built-in policy with its severity, level, area, service and references; --framework
  keeps those mapping to one framework (pss-restricted includes the baseline controls). --coverage prints
  the coverage matrix: per cloud, the services programs deploy and each control, covered (by which rules),
  not covered by decision (why) or a gap.
--stack takes NAME, ORG/NAME or ORG/PROJECT/NAME (the stack file is Pulumi.NAME.yaml).
--timeout: how long the program may run before it fails (default ${DEFAULT_TIMEOUT_SECONDS}); a program
  that awaits something that can never happen (an unknown output in preview) fails at once.
What the offline engine cannot expand or decide (remote components, invokes with no offline answer,
  StackReference outputs, Helm v3 charts with no helm on PATH) makes the check incomplete: exit 2,
  naming each item. --invokes FILE pins invoke answers (JSON: token -> result, or token -> list of
  {"args", "result"}); --stack-outputs DIR gives StackReference outputs (DIR/<stack>.json, as
  \`pulumi stack output --json\` prints them); --allow-incomplete reports the rest as advisory.
  graph takes --invokes and --stack-outputs too, and names on stderr what it could not expand.
  The offline answers: docs/offline-answers.md.
--typecheck runs the project's \`tsc --noEmit -p PROJECT_DIR\` first: a type error is exit 2 (the
  program would not get past \`pulumi preview\`), the compiler's messages on stderr.
--verbose lists each check left undecided in preview (a value unknown until apply) in the table;
  without it they are one line. The json and sarif reports always list them.
--isolation: how the program is kept from the gate, named in every report. auto (default) takes the
  strongest this machine allows: another uid when the gate is root, else user/PID/mount namespaces,
  else none (said in every report); strict exits 2 unless the program can be fully isolated; none
  runs it unisolated on purpose.
--allow-node-options lets the gate run with NODE_OPTIONS (or node flags) that load code or open a
  debugger; without it they are refused (exit 2): a project's .npmrc node-options sets NODE_OPTIONS
  for \`npx groundwork\`, which would run the project's code inside the gate.

exit codes: 0 no mandatory violation, 1 mandatory violations, 2 incomplete check (unless
  --allow-incomplete), broken program, config or arguments`;

export interface CheckArgs extends EngineFileArgs {
  readonly command: "check";
  readonly projectDir: string;
  readonly stack: string;
  readonly policyPacks: readonly string[];
  readonly policyPackConfigs: readonly string[];
  /** False only with --no-builtin. */
  readonly builtIn: boolean;
  readonly builtInConfig?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly update: boolean;
  /** --timeout, in milliseconds. */
  readonly synthTimeoutMs: number;
  /** --allow-incomplete: what the engine could not answer is advisory, not exit 2. */
  readonly allowIncomplete: boolean;
  /** --typecheck: `tsc --noEmit` the project before the gate. */
  readonly typecheck: boolean;
  /** --verbose: the table lists each undecided check instead of one line. */
  readonly verbose: boolean;
}

/** The files both commands take for what the offline engine cannot know, and how the program runs. */
export interface EngineFileArgs {
  /** --invokes FILE: pinned invoke answers. */
  readonly invokesFile?: string;
  /** --stack-outputs DIR: other stacks' outputs for StackReference. */
  readonly stackOutputsDir?: string;
  /** --isolation: how the program is kept from the gate. */
  readonly isolation: IsolationRequest;
  /** --allow-node-options: run the gate despite NODE_OPTIONS or node flags that load code. */
  readonly allowNodeOptions: boolean;
}

export interface GraphArgs extends EngineFileArgs {
  readonly command: "graph";
  readonly projectDir: string;
  readonly stack: string;
  readonly format: "mermaid" | "json";
  readonly output?: string;
  readonly synthTimeoutMs: number;
}

export type Args = CheckArgs | GraphArgs | { readonly command: "help" } | { readonly command: "version" };

/** The flags as given, before each command's checks. */
interface RawArgs {
  readonly positional: string[];
  readonly packs: string[];
  readonly configs: string[];
  builtInConfig?: string;
  noBuiltIn: boolean;
  stack?: string;
  format?: string;
  output?: string;
  update: boolean;
  timeoutSeconds: number;
  help: boolean;
  allowIncomplete: boolean;
  invokesFile?: string;
  stackOutputsDir?: string;
  typecheck?: boolean;
  verbose?: boolean;
  isolation?: string;
  allowNodeOptions?: boolean;
}

function parseTimeout(v: string): number {
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) {
    throw new UsageError(`--timeout ${v} is not a positive number of seconds`);
  }
  return Number(v);
}

type FlagSetter = (raw: RawArgs, value: () => string) => void;

/** The files for what the offline engine cannot know: `check` and `graph` both take them. */
const ENGINE_FILE_FLAGS: Readonly<Record<string, FlagSetter>> = {
  "--invokes": (raw, value) => (raw.invokesFile = value()),
  "--stack-outputs": (raw, value) => (raw.stackOutputsDir = value()),
  "--isolation": (raw, value) => (raw.isolation = value()),
  "--allow-node-options": (raw) => (raw.allowNodeOptions = true),
};

/** The flags only `check` takes, each setting its field (`value()` reads the flag's value). */
const CHECK_FLAGS: Readonly<Record<string, FlagSetter>> = {
  "--policy-pack": (raw, value) => raw.packs.push(value()),
  "--policy-pack-config": (raw, value) => raw.configs.push(value()),
  "--builtin-config": (raw, value) => (raw.builtInConfig = value()),
  "--no-builtin": (raw) => (raw.noBuiltIn = true),
  "--update": (raw) => (raw.update = true),
  "--allow-incomplete": (raw) => (raw.allowIncomplete = true),
  "--typecheck": (raw) => (raw.typecheck = true),
  "--verbose": (raw) => (raw.verbose = true),
};

/**
 * Walks the arguments: `visit` gets each one, its flag (the part before `=`) and a `value()` that reads the
 * flag's value (`--flag value` or `--flag=value`, refusing a missing one); it returns "stop" to end the walk.
 */
export function eachArg(
  rest: readonly string[],
  visit: (arg: string, flag: string, value: () => string) => "stop" | void,
): void {
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (visit(arg, flag, value) === "stop") return;
  }
}

/** Reads flags (`--flag value` or `--flag=value`) and positionals; check-only flags are refused for graph. */
function readFlags(command: "check" | "graph", rest: readonly string[]): RawArgs {
  const raw: RawArgs = {
    positional: [],
    packs: [],
    configs: [],
    noBuiltIn: false,
    update: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    help: false,
    allowIncomplete: false,
  };
  let help = false;
  eachArg(rest, (arg, flag, value) => {
    if (arg === "--help" || arg === "-h") {
      help = true;
      return "stop";
    }
    const checkOnly = (): void => {
      if (command !== "check") throw new UsageError(`${flag} is only valid for check`);
    };
    switch (flag) {
      case "--stack":
      case "-s":
        raw.stack = value();
        break;
      case "--format":
        raw.format = value();
        break;
      case "--output":
      case "-o":
        raw.output = value();
        break;
      case "--timeout":
        raw.timeoutSeconds = parseTimeout(value());
        break;
      default:
        if (ENGINE_FILE_FLAGS[flag]) ENGINE_FILE_FLAGS[flag](raw, value);
        else if (CHECK_FLAGS[flag]) {
          checkOnly();
          CHECK_FLAGS[flag](raw, value);
        } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        else raw.positional.push(arg);
    }
  });
  return help ? { ...raw, help: true } : raw;
}

function checkArgs(
  raw: RawArgs,
  common: Omit<
    CheckArgs,
    | "command"
    | "format"
    | "policyPacks"
    | "policyPackConfigs"
    | "update"
    | "builtIn"
    | "builtInConfig"
    | "allowIncomplete"
    | "typecheck"
    | "verbose"
  >,
): CheckArgs {
  const f = raw.format ?? "table";
  if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f} is not one of ${REPORT_FORMATS.join(", ")}`);
  }
  // The CLI pairs configs with packs by position; with no --policy-pack, one config goes to the built-in pack.
  if (raw.configs.length > Math.max(raw.packs.length, 1)) {
    throw new UsageError(
      `${raw.configs.length} --policy-pack-config given for ${raw.packs.length || "the built-in"} pack(s): give at most one per --policy-pack, in the same order (the built-in pack's goes in --builtin-config)`,
    );
  }
  if (raw.noBuiltIn && raw.packs.length === 0)
    throw new UsageError("--no-builtin needs at least one --policy-pack: otherwise nothing would be checked");
  if (raw.noBuiltIn && raw.builtInConfig !== undefined)
    throw new UsageError("--builtin-config configures the built-in pack, which --no-builtin turns off");
  if (raw.packs.length === 0 && raw.configs.length > 0 && raw.builtInConfig !== undefined)
    throw new UsageError("give the built-in pack's config once: --builtin-config or --policy-pack-config");
  return {
    command: "check",
    ...common,
    policyPacks: raw.packs,
    policyPackConfigs: raw.configs,
    builtIn: !raw.noBuiltIn,
    builtInConfig: raw.builtInConfig,
    format: f as ReportFormat,
    update: raw.update,
    allowIncomplete: raw.allowIncomplete,
    typecheck: raw.typecheck === true,
    verbose: raw.verbose === true,
  };
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h")
    return { command: "help" };
  if (command === "version" || command === "--version" || command === "-V") return { command: "version" };
  // `rules` is parsed in rules.ts; here only its --help arrives.
  if (command === "rules") return { command: "help" };
  if (command !== "check" && command !== "graph")
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const raw = readFlags(command, rest);
  if (raw.help) return { command: "help" };
  if (raw.positional.length > 1)
    throw new UsageError(`one PROJECT_DIR expected, got ${raw.positional.join(" ")}`);
  if (!raw.stack) throw new UsageError("--stack NAME is required");
  const isolation = raw.isolation ?? "auto";
  if (!(ISOLATION_REQUESTS as readonly string[]).includes(isolation))
    throw new UsageError(`--isolation ${isolation} is not one of ${ISOLATION_REQUESTS.join(", ")}`);
  const common = {
    projectDir: raw.positional[0] ?? ".",
    stack: raw.stack,
    output: raw.output,
    synthTimeoutMs: Math.round(raw.timeoutSeconds * 1000),
    invokesFile: raw.invokesFile,
    stackOutputsDir: raw.stackOutputsDir,
    isolation: isolation as IsolationRequest,
    allowNodeOptions: raw.allowNodeOptions === true,
  };
  if (command === "check") return checkArgs(raw, common);
  const f = raw.format ?? "mermaid";
  if (f !== "mermaid" && f !== "json") throw new UsageError(`--format ${f} is not one of mermaid, json`);
  return { command, ...common, format: f };
}
