// The gate as a library (`groundwork check` without the command line): read the project and stack,
// synthesize the program offline, evaluate the policy packs (ours in-process, any directory through the
// analyzer host) and build the report whose summary decides the exit code.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GraphResource, ResourceGraph, isDefaultProvider } from "../engine/graph";
import { STACK_TYPE } from "../engine/monitor";
import { pinHelm, unpinHelm } from "../engine/helm";
import { InvokeHandler } from "../engine/invokes";
import { loadPinnedInvokes, pinStackOutputs, unpinStackOutputs } from "../engine/pinned";
// From program.ts, not synth.ts: the in-process synth loads the whole SDK (its root index pulls in the
// automation API and npm's arborist), which the gate, running programs in their own process, never needs.
import { SynthError, resolveProgramPath } from "../engine/program";
import { Isolation, IsolationRequest, Sandbox, planIsolation, runProgram } from "../engine/runner";
import { systemTool } from "../engine/runner/isolation";
import { AnalyzerLog, StartedPack, startPolicyPack } from "./analyzer/host";
import { located, locator } from "./locations";
import { PolicyPackConfig, loadPolicyConfigFile } from "./policy-config";
import { PulumiProject, StackConfig, loadProject, loadStackConfig, shortStackName } from "./project";
import { BUILT_IN_PACK, CheckReport, PackSummary, PolicyReport, byLevelThenSeverity } from "./report";

/** How long a program may run when no limit is given: generous, yet short of a CI job's own. */
export const DEFAULT_SYNTH_TIMEOUT_MS = 300_000;

export interface CheckOptions {
  readonly projectDir: string;
  /** `NAME`, `ORG/NAME` or `ORG/PROJECT/NAME`; the stack file is `Pulumi.NAME.yaml`. */
  readonly stack: string;
  /**
   * Extra pack directories, run through the analyzer host *in addition to* this package's own pack.
   * @default [] - the built-in pack alone
   */
  readonly policyPacks?: readonly string[];
  /** Config files, paired with `policyPacks` by position (or the built-in pack's, when there are none). */
  readonly policyPackConfigs?: readonly string[];
  /**
   * Run the built-in pack (`groundwork-security`). Turning it off is explicit and said in every report:
   * adding a pack must never silently remove the baseline.
   * @default true
   */
  readonly builtIn?: boolean;
  /** The built-in pack's config file when extra packs are given (their configs pair by position). */
  readonly builtInConfig?: string;
  /** Update mode instead of preview. @default false */
  readonly update?: boolean;
  /**
   * How long the program may run. Synth costs a few ms per resource, so this is generous; it bounds a
   * program that keeps itself busy (a program with nothing left to wait for fails at once). @default 300000
   */
  readonly synthTimeoutMs?: number;
  /** Forwarded to the analyzer host: how long a pack may take to start, and one RPC. @default 60000 */
  readonly startTimeoutMs?: number;
  readonly rpcTimeoutMs?: number;
  /**
   * Report what the offline engine could not expand or decide as advisory, and let the exit code follow
   * the violations alone. Off by default: an incomplete check exits 2, never 0. @default false
   */
  readonly allowIncomplete?: boolean;
  /** JSON file of pinned invoke answers (token → result, or token → [{ args, result }]). */
  readonly invokesFile?: string;
  /** Directory of other stacks' outputs for `StackReference` (`DIR/<stack>.json`). */
  readonly stackOutputsDir?: string;
  /**
   * How the program is kept away from the gate (ADR 0014): the best rung this machine allows (`auto`),
   * that rung only if it is full isolation (`strict`, else exit 2), or none on purpose. @default "auto"
   */
  readonly isolation?: IsolationRequest;
  /** Told the isolation as soon as it is chosen (before the program runs), for error reports. */
  readonly onIsolation?: (isolation: Isolation) => void;
}

/** What the engine is given beyond the program: pinned invoke answers and other stacks' outputs. */
export interface EngineInputs {
  readonly invokes?: Readonly<Record<string, InvokeHandler>>;
  readonly stackOutputsDir?: string;
  /** How the program is isolated. @default "auto" */
  readonly isolation?: IsolationRequest;
  /** Told the isolation as soon as it is chosen. */
  readonly onIsolation?: (isolation: Isolation) => void;
}

export interface CheckResult {
  readonly report: CheckReport;
  /** 0 pass, 1 mandatory violations, 2 incomplete (unless allowed). (Broken input throws instead.) */
  readonly exitCode: 0 | 1 | 2;
  /** What packs logged through the engine, for stderr. */
  readonly logs: readonly AnalyzerLog[];
  /** Milliseconds spent synthesizing and evaluating, for the benchmark. */
  readonly timings: { readonly synthMs: number; readonly policyMs: number };
}

/** A synthesized stack, with what the packs need to see the stack's config as the program did. */
export interface SynthesizedProject {
  readonly graph: ResourceGraph;
  readonly programFile: string;
  readonly config: Record<string, unknown>;
  readonly secretKeys: readonly string[];
  /** Why the graph may be missing registrations (the program exited on its own): never a pass. */
  readonly incomplete?: string;
  /** The isolation the program ran under. */
  readonly isolation: Isolation;
  /** What the engine dropped without failing the run, for stderr. */
  readonly notes: readonly string[];
}

/** A project and stack read, and the program's isolation chosen: everything the run needs but the run. */
export interface LoadedStack {
  readonly project: PulumiProject;
  readonly stack: string;
  readonly stackConfig: StackConfig;
  readonly programFile: string;
  readonly sandbox: Sandbox;
}

/**
 * Reads the project and the stack's config and chooses the program's isolation, all before the program
 * runs. `strict` isolation that cannot be had throws here, before anything else is started.
 */
export function loadStack(
  projectDir: string,
  stackName: string,
  isolation: IsolationRequest = "auto",
  onIsolation?: (isolation: Isolation) => void,
): LoadedStack {
  const project = loadProject(projectDir);
  const stack = shortStackName(stackName, project.name);
  const stackConfig = loadStackConfig(project, stack);
  const programFile = resolveProgramPath(project.main);
  const sandbox = planIsolation(isolation, project.dir, programFile);
  onIsolation?.(sandbox.isolation);
  return { project, stack, stackConfig, programFile, sandbox };
}

/** Runs a loaded stack's program (see {@link synthProject}). */
export async function synthLoaded(
  loaded: LoadedStack,
  update = false,
  timeoutMs = DEFAULT_SYNTH_TIMEOUT_MS,
  engine: EngineInputs = {},
): Promise<SynthesizedProject> {
  const { project, stack, stackConfig, programFile, sandbox } = loaded;
  const iso = sandbox.isolation;
  // helm is resolved before the program starts, from a trusted PATH entry, and held until it ends.
  const runAs =
    iso.mode === "user"
      ? {
          prefix: [
            systemTool("setpriv")!,
            "--reuid",
            String(iso.uid),
            "--regid",
            String(iso.gid),
            "--clear-groups",
            "--no-new-privs",
            "--",
          ],
          uid: iso.uid!,
          gid: iso.gid!,
        }
      : undefined;
  const helmDir = runAs ? fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-helm-home-")) : undefined;
  if (runAs && helmDir) fs.chownSync(helmDir, runAs.uid, runAs.gid);
  pinHelm([project.dir], runAs && helmDir ? { ...runAs, dir: helmDir } : undefined);
  try {
    const { graph, incomplete, isolation, notes } = await runProgram({
      projectDir: project.dir,
      main: project.main,
      programFile,
      project: project.name,
      stack,
      config: stackConfig.config,
      secretKeys: stackConfig.secretKeys,
      preview: !update,
      timeoutMs,
      invokes: engine.invokes,
      stackOutputsDir: engine.stackOutputsDir,
      nodeArgs: project.nodeArgs,
      typescript: project.typescript,
      sandbox,
    });
    const { config, secretKeys } = stackConfig;
    return { graph, programFile, config: { ...config }, secretKeys, incomplete, isolation, notes };
  } finally {
    unpinHelm();
    if (engine.stackOutputsDir) unpinStackOutputs(engine.stackOutputsDir);
    if (helmDir) fs.rmSync(helmDir, { recursive: true, force: true });
  }
}

type EvaluatePolicies = typeof import("./in-process/evaluate").evaluatePolicies;

/** Our own pack, in-process. Loaded lazily so `graph` and third-party-only runs never pay for it. */
function builtInEvaluator(): EvaluatePolicies {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./in-process/evaluate") as typeof import("./in-process/evaluate")).evaluatePolicies;
}

/**
 * Synthesizes the stack's program as `pulumi preview` (or, with `update`, `pulumi up`) would run it: in its
 * own process, through the SDK's program runner, against the offline engine (engine/runner), isolated from
 * this process as `engine.isolation` asks.
 */
export async function synthProject(
  projectDir: string,
  stack: string,
  update = false,
  beforeSynth?: () => void,
  timeoutMs = DEFAULT_SYNTH_TIMEOUT_MS,
  engine: EngineInputs = {},
): Promise<SynthesizedProject> {
  const loaded = loadStack(projectDir, stack, engine.isolation, engine.onIsolation);
  beforeSynth?.();
  return synthLoaded(loaded, update, timeoutMs, engine);
}

/**
 * Starts each pack directory through the analyzer host, in order, each with its own config: before the
 * program runs, so that its code and config are read before the program could touch them.
 */
async function startPacks(
  options: CheckOptions,
  loaded: LoadedStack,
  configs: readonly PolicyPackConfig[],
): Promise<StartedPack[]> {
  const { stackConfig } = loaded;
  const started: StartedPack[] = [];
  try {
    for (const [i, dir] of (options.policyPacks ?? []).entries()) {
      started.push(
        await startPolicyPack(path.resolve(dir), {
          project: loaded.project.name,
          stack: loaded.stack,
          preview: !options.update,
          config: stackConfig.config,
          secretKeys: stackConfig.secretKeys,
          policyConfig: configs[i],
          policyConfigFile: options.policyPackConfigs?.[i],
          startTimeoutMs: options.startTimeoutMs,
          rpcTimeoutMs: options.rpcTimeoutMs,
        }),
      );
    }
    return started;
  } catch (err) {
    await Promise.allSettled(started.map((p) => p.stop()));
    throw err;
  }
}

/** Drives each started pack over the graph, in order. */
async function analyzePacks(
  packs: readonly StartedPack[],
  graph: ResourceGraph,
): Promise<{ parts: PolicyReport[]; logs: AnalyzerLog[] }> {
  const parts: PolicyReport[] = [];
  const logs: AnalyzerLog[] = [];
  for (const pack of packs) {
    const run = await pack.analyze(graph);
    parts.push(run);
    logs.push(...run.logs);
  }
  return { parts, logs };
}

/** True for a finding that blocks: mandatory, or remediate (a fix was due and the check still failed). */
function blocks(v: { readonly enforcementLevel: string }): boolean {
  return v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate";
}

/** Counted as a resource: what the Pulumi CLI shows (not the stack, not the engine's default providers). */
function counted(r: GraphResource): boolean {
  return r.type !== STACK_TYPE && !isDefaultProvider(r);
}

/** Every pack named in the parts, in order, with its enabled policy count. */
function packsOf(parts: readonly PolicyReport[], builtInName: string): PackSummary[] {
  const counts = new Map<string, number>();
  for (const p of parts.flatMap((part) => part.policies)) {
    counts.set(p.pack, (counts.get(p.pack) ?? 0) + (p.enforcementLevel === "disabled" ? 0 : 1));
  }
  return [...counts].map(([name, policies]) => ({ name, policies, builtIn: name === builtInName }));
}

/** Merges the packs' reports into one CheckReport with its summary. */
export function buildReport(
  parts: readonly PolicyReport[],
  graph: ResourceGraph,
  programFile?: string,
  builtInDisabled = false,
  allowIncomplete = false,
  isolation?: Isolation,
): CheckReport {
  const locate = locator(graph, programFile);
  const merged: PolicyReport = {
    policies: parts.flatMap((p) => p.policies),
    violations: located(
      parts.flatMap((p) => p.violations),
      locate,
    ).sort(byLevelThenSeverity),
    waivers: parts.flatMap((p) => p.waivers),
    remediations: parts.flatMap((p) => p.remediations),
    undecided: located(
      parts.flatMap((p) => p.undecided),
      locate,
    ),
  };
  const mandatory = merged.violations.filter(blocks).length;
  const incomplete = graph.incomplete;
  const verdict = incomplete.length > 0 && !allowIncomplete ? "incomplete" : mandatory > 0 ? "fail" : "pass";
  return {
    ...merged,
    graph,
    incomplete,
    programFile,
    isolation,
    summary: {
      packs: packsOf(parts, BUILT_IN_PACK),
      builtInDisabled,
      resources: graph.resources.filter(counted).length,
      policies: merged.policies.filter((p) => p.enforcementLevel !== "disabled").length,
      mandatory,
      advisory: merged.violations.length - mandatory,
      waived: merged.waivers.filter((w) => w.status === "applied").length,
      undecided: merged.undecided.length,
      incomplete: incomplete.length,
      allowIncomplete,
      verdict,
    },
  };
}

/** Which config file goes to the built-in pack, and which to each extra pack (the CLI pairs by position). */
function packConfigs(options: CheckOptions): { builtIn?: PolicyPackConfig; extra: PolicyPackConfig[] } {
  const load = (f: string): PolicyPackConfig => loadPolicyConfigFile(path.resolve(f));
  const files = options.policyPackConfigs ?? [];
  const extraPacks = options.policyPacks ?? [];
  if (extraPacks.length === 0) {
    if (files.length > 0 && options.builtInConfig !== undefined)
      throw new Error(
        "give the built-in pack's config once: --builtin-config or --policy-pack-config, not both",
      );
    const only = options.builtInConfig ?? files[0];
    return { builtIn: only === undefined ? undefined : load(only), extra: [] };
  }
  return {
    builtIn: options.builtInConfig === undefined ? undefined : load(options.builtInConfig),
    extra: files.map(load),
  };
}

/** This package's own pack directory (policy/, beside dist/), as `--policy-pack policy` names it. */
const BUILT_IN_DIR = path.resolve(__dirname, "..", "..", "policy");

function isBuiltInDir(dir: string): boolean {
  try {
    return fs.realpathSync(path.resolve(dir)) === fs.realpathSync(BUILT_IN_DIR);
  } catch {
    return false;
  }
}

/**
 * The engine's inputs from `--invokes FILE` and `--stack-outputs DIR`, read once for check and graph alike,
 * before the program runs: the stack outputs directory is read whole and answered from memory.
 */
export function engineInputs(
  files: Pick<CheckOptions, "invokesFile" | "stackOutputsDir" | "isolation" | "onIsolation">,
): EngineInputs {
  const stackOutputsDir = files.stackOutputsDir ? path.resolve(files.stackOutputsDir) : undefined;
  if (stackOutputsDir) pinStackOutputs(stackOutputsDir);
  return {
    invokes: files.invokesFile ? loadPinnedInvokes(path.resolve(files.invokesFile)) : undefined,
    stackOutputsDir,
    isolation: files.isolation,
    onIsolation: files.onIsolation,
  };
}

/** Incomplete is never a pass: it exits 2, as broken input does, unless `allowIncomplete` is given. */
const EXIT_CODES = { pass: 0, fail: 1, incomplete: 2 } as const;

/** The whole gate: synth, the built-in pack and every extra pack, one report and its exit code. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const builtIn = options.builtIn ?? true;
  // `--policy-pack policy` is the built-in pack itself, run over the protocol: it replaces the in-process
  // run rather than doubling every finding.
  const inProcess = builtIn && !(options.policyPacks ?? []).some(isBuiltInDir);
  if (!builtIn && (options.policyPacks ?? []).length === 0)
    throw new Error(
      "the built-in pack is turned off and no --policy-pack is given: nothing would be checked",
    );
  // Everything the check reads is read before the program runs (ADR 0014): config files (a typo there
  // should not cost a synth either), pinned answers, the project and stack, the packs themselves.
  const configs = packConfigs(options);
  const engine = engineInputs(options);
  const loaded = loadStack(options.projectDir, options.stack, options.isolation, options.onIsolation);
  const evaluate = inProcess ? builtInEvaluator() : undefined;
  const packs = await startPacks(options, loaded, configs.extra);
  try {
    const t0 = performance.now();
    const synthesized = await synthLoaded(loaded, options.update, options.synthTimeoutMs, engine);
    const t1 = performance.now();
    const own = evaluate ? [await evaluate(synthesized.graph, { config: configs.builtIn })] : [];
    const { parts, logs } = await analyzePacks(packs, synthesized.graph);
    const t2 = performance.now();
    const report = buildReport(
      [...own, ...parts],
      synthesized.graph,
      synthesized.programFile,
      !builtIn,
      options.allowIncomplete === true,
      synthesized.isolation,
    );
    const exitCode = EXIT_CODES[report.summary.verdict];
    for (const note of synthesized.notes) logs.push({ severity: "warning", message: note });
    if (synthesized.incomplete !== undefined) {
      // A program that ended itself early fails on what it did register, and is never a pass.
      if (exitCode === 0)
        throw new SynthError(
          `${synthesized.incomplete}; nothing mandatory was found, but that is no pass`,
          undefined,
        );
      logs.push({ severity: "warning", message: synthesized.incomplete });
    }
    return { report, exitCode, logs, timings: { synthMs: t1 - t0, policyMs: t2 - t1 } };
  } finally {
    await Promise.allSettled(packs.map((p) => p.stop()));
  }
}
