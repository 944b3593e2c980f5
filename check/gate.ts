// The gate as a library (`groundwork check` without the command line): read the project and stack,
// synthesize the program offline, evaluate the policy packs (ours in-process, any directory through the
// analyzer host) and build the report whose summary decides the exit code.
import * as path from "path";
import { GraphResource, ResourceGraph, isDefaultProvider } from "../engine/graph";
import { STACK_TYPE } from "../engine/monitor";
import { resolveProgramPath, synth } from "../engine/synth";
import { AnalyzerLog, runPolicyPack } from "./analyzer/host";
import { PolicyPackConfig, loadPolicyConfigFile } from "./policy-config";
import { loadProject, loadStackConfig, shortStackName } from "./project";
import { CheckReport, PolicyReport } from "./report";

/** How long a program may run when no limit is given: generous, yet short of a CI job's own. */
export const DEFAULT_SYNTH_TIMEOUT_MS = 300_000;

export interface CheckOptions {
  readonly projectDir: string;
  /** `NAME`, `ORG/NAME` or `ORG/PROJECT/NAME`; the stack file is `Pulumi.NAME.yaml`. */
  readonly stack: string;
  /** Pack directories; empty means this package's own pack, evaluated in-process. @default [] */
  readonly policyPacks?: readonly string[];
  /** Config files, paired with `policyPacks` by position (or the default pack's, when there are none). */
  readonly policyPackConfigs?: readonly string[];
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
}

export interface CheckResult {
  readonly report: CheckReport;
  /** 0 no mandatory violation, 1 mandatory violations. (Broken input throws instead.) */
  readonly exitCode: 0 | 1;
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
}

type EvaluatePolicies = typeof import("./in-process/evaluate").evaluatePolicies;

/** Our own pack, in-process. Loaded lazily so `graph` and third-party-only runs never pay for it. */
function builtInEvaluator(): EvaluatePolicies {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./in-process/evaluate") as typeof import("./in-process/evaluate")).evaluatePolicies;
}

/** Synthesizes the stack's program as `pulumi preview` (or, with `update`, `pulumi up`) would run it. */
export async function synthProject(
  projectDir: string,
  stack: string,
  update = false,
  beforeSynth?: () => void,
  timeoutMs = DEFAULT_SYNTH_TIMEOUT_MS,
): Promise<SynthesizedProject> {
  const project = loadProject(projectDir);
  stack = shortStackName(stack, project.name);
  const stackConfig = loadStackConfig(project, stack);
  beforeSynth?.();
  const programFile = resolveProgramPath(project.main);
  const graph = await synth(programFile, {
    project: project.name,
    stack,
    config: stackConfig.config,
    secretKeys: stackConfig.secretKeys,
    preview: !update,
    timeoutMs,
  });
  return { graph, programFile, config: { ...stackConfig.config }, secretKeys: stackConfig.secretKeys };
}

/** Runs each pack directory through the analyzer host, in order, each with its own config. */
async function runPacks(
  options: CheckOptions,
  synthesized: SynthesizedProject,
  configs: readonly PolicyPackConfig[],
): Promise<{ parts: PolicyReport[]; logs: AnalyzerLog[] }> {
  const { graph, config, secretKeys } = synthesized;
  const parts: PolicyReport[] = [];
  const logs: AnalyzerLog[] = [];
  for (const [i, dir] of (options.policyPacks ?? []).entries()) {
    const run = await runPolicyPack(path.resolve(dir), graph, {
      project: graph.project,
      stack: graph.stack,
      preview: graph.preview,
      config,
      secretKeys,
      policyConfig: configs[i],
      policyConfigFile: options.policyPackConfigs?.[i],
      startTimeoutMs: options.startTimeoutMs,
      rpcTimeoutMs: options.rpcTimeoutMs,
    });
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

/** Merges the packs' reports into one CheckReport with its summary. */
export function buildReport(
  parts: readonly PolicyReport[],
  graph: ResourceGraph,
  programFile?: string,
): CheckReport {
  const merged: PolicyReport = {
    policies: parts.flatMap((p) => p.policies),
    violations: parts.flatMap((p) => p.violations),
    waivers: parts.flatMap((p) => p.waivers),
    remediations: parts.flatMap((p) => p.remediations),
    undecided: parts.flatMap((p) => p.undecided),
  };
  const mandatory = merged.violations.filter(blocks).length;
  return {
    ...merged,
    graph,
    programFile,
    summary: {
      resources: graph.resources.filter(counted).length,
      policies: merged.policies.filter((p) => p.enforcementLevel !== "disabled").length,
      mandatory,
      advisory: merged.violations.length - mandatory,
      waived: merged.waivers.filter((w) => w.status === "applied").length,
      undecided: merged.undecided.length,
    },
  };
}

/** The whole gate: synth, every pack, one report and its exit code. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  // Config files are read before the program runs: a typo there should not cost a synth.
  const configs = (options.policyPackConfigs ?? []).map((f) => loadPolicyConfigFile(path.resolve(f)));
  const builtIn = (options.policyPacks ?? []).length === 0;
  let evaluate: EvaluatePolicies | undefined;
  let t0 = 0;
  const synthesized = await synthProject(
    options.projectDir,
    options.stack,
    options.update,
    () => {
      // After the project and stack are known good, before paying for the synth.
      evaluate = builtIn ? builtInEvaluator() : undefined;
      t0 = performance.now();
    },
    options.synthTimeoutMs,
  );
  const t1 = performance.now();
  const { parts, logs } = evaluate
    ? { parts: [await evaluate(synthesized.graph, { config: configs[0] })], logs: [] }
    : await runPacks(options, synthesized, configs);
  const t2 = performance.now();
  const report = buildReport(parts, synthesized.graph, synthesized.programFile);
  const exitCode = report.summary.mandatory > 0 ? 1 : 0;
  return { report, exitCode, logs, timings: { synthMs: t1 - t0, policyMs: t2 - t1 } };
}
