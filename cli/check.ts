// `groundwork check`: read the project and stack, synthesize the program offline, evaluate the policy
// packs (ours in-process, any directory through the analyzer host) and build the report.
import * as path from "path";
import { ResourceGraph, STACK_TYPE, isDefaultProvider, resolveProgramPath, synth } from "../testing";
import { AnalyzerLog, runPolicyPack } from "../testing/analyzer-host";
import { loadPolicyConfigFile } from "../testing/policy-config";
import { loadProject, loadStackConfig } from "../testing/project";
import { CheckReport, PolicyReport } from "../testing/report";
import { DEFAULT_TIMEOUT_SECONDS, UsageError } from "./args";

export interface CheckOptions {
  readonly projectDir: string;
  readonly stack: string;
  /** Pack directories; empty means this package's own pack, evaluated in-process. */
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
  /** Forwarded to the analyzer host. */
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

type EvaluatePolicies = typeof import("../testing/policy").evaluatePolicies;

/** Our own pack, in-process. Loaded lazily so `graph` and third-party-only runs never pay for it. */
function builtInEvaluator(): EvaluatePolicies {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../testing/policy") as typeof import("../testing/policy")).evaluatePolicies;
}

/**
 * The stack file's name from `--stack`: `NAME`, `ORG/NAME` or `ORG/PROJECT/NAME`, as the Pulumi CLI takes
 * them. A project part must be this project; the name must be a plain file-name part (no `../`).
 */
export function shortStackName(stack: string, projectName: string): string {
  const parts = stack.split("/");
  if (parts.length > 3) {
    throw new UsageError(`--stack ${stack}: expected NAME, ORG/NAME or ORG/PROJECT/NAME`);
  }
  if (parts.length === 3 && parts[1] !== projectName) {
    throw new UsageError(
      `--stack ${stack} names project '${parts[1]}', but this project is '${projectName}'`,
    );
  }
  for (const part of parts) {
    if (!/^[A-Za-z0-9_.-]+$/.test(part) || part === "." || part === "..") {
      throw new UsageError(
        `--stack ${stack}: '${part}' is not a valid name (letters, digits, '_', '.' and '-' only)`,
      );
    }
  }
  return parts[parts.length - 1];
}

/** Synthesizes the stack's program as `pulumi preview` would run it. */
export async function synthProject(
  projectDir: string,
  stack: string,
  update = false,
  beforeSynth?: () => void,
  timeoutMs = DEFAULT_TIMEOUT_SECONDS * 1000,
): Promise<{
  graph: ResourceGraph;
  programFile: string;
  config: Record<string, unknown>;
  secretKeys: readonly string[];
}> {
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

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const packs = options.policyPacks ?? [];
  const configFiles = options.policyPackConfigs ?? [];
  // Config files are read before the program runs: a typo there should not cost a synth.
  const configs = configFiles.map((f) => loadPolicyConfigFile(path.resolve(f)));
  let evaluate: EvaluatePolicies | undefined;
  let t0 = 0;
  const { graph, programFile, config, secretKeys } = await synthProject(
    options.projectDir,
    options.stack,
    options.update,
    () => {
      // After the project and stack are known good, before paying for the synth.
      evaluate = packs.length === 0 ? builtInEvaluator() : undefined;
      t0 = performance.now();
    },
    options.synthTimeoutMs,
  );
  const t1 = performance.now();

  const parts: PolicyReport[] = [];
  const logs: AnalyzerLog[] = [];
  if (evaluate) {
    parts.push(await evaluate(graph, { config: configs[0] }));
  } else {
    for (const [i, dir] of packs.entries()) {
      const run = await runPolicyPack(path.resolve(dir), graph, {
        project: graph.project,
        stack: graph.stack,
        preview: graph.preview,
        config,
        secretKeys,
        policyConfig: configs[i],
        policyConfigFile: configFiles[i],
        startTimeoutMs: options.startTimeoutMs,
        rpcTimeoutMs: options.rpcTimeoutMs,
      });
      parts.push(run);
      logs.push(...run.logs);
    }
  }
  const t2 = performance.now();

  const merged: PolicyReport = {
    policies: parts.flatMap((p) => p.policies),
    violations: parts.flatMap((p) => p.violations),
    waivers: parts.flatMap((p) => p.waivers),
    remediations: parts.flatMap((p) => p.remediations),
    undecided: parts.flatMap((p) => p.undecided),
  };
  const mandatory = merged.violations.filter(
    (v) => v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate",
  ).length;
  const report: CheckReport = {
    ...merged,
    graph,
    programFile,
    summary: {
      resources: graph.resources.filter((r) => r.type !== STACK_TYPE && !isDefaultProvider(r)).length,
      policies: merged.policies.filter((p) => p.enforcementLevel !== "disabled").length,
      mandatory,
      advisory: merged.violations.length - mandatory,
      waived: merged.waivers.filter((w) => w.status === "applied").length,
      undecided: merged.undecided.length,
    },
  };
  return { report, exitCode: mandatory > 0 ? 1 : 0, logs, timings: { synthMs: t1 - t0, policyMs: t2 - t1 } };
}
