// Runs the real-program suite: each program under programs/ through the offline engine in preview and in
// update, with the built-in pack, the verdict decided as `groundwork check` decides it. In-process (synth()),
// which registers what the gate's runner registers, and costs a fraction of a process per run.
import * as fs from "fs";
import * as path from "path";
import { synth } from "../../engine/synth";
import { loadProject, loadStackConfig } from "../../check/project";
import { buildReport } from "../../check/gate";
import { evaluatePolicies } from "../../check/in-process/evaluate";

/** The programs' folder: the sources, not dist (the engine transpiles them as the gate does). */
export const SUITE_DIR = path.resolve(__dirname, "..", "..", "..", "tests", "real-programs");
export const PROGRAMS_DIR = path.join(SUITE_DIR, "programs");
export const EXPECTATIONS_FILE = path.join(SUITE_DIR, "expectations.json");
/** The stack every program is checked as: `Pulumi.test.yaml` beside it holds its config. */
export const SUITE_STACK = "test";

export type Mode = "preview" | "update";

/** What one run of one program came to. */
export interface Observed {
  /** `pass` (exit 0), `fail` (exit 1), `incomplete` (exit 2), or `error` (the program failed: exit 2). */
  readonly verdict: "pass" | "fail" | "incomplete" | "error";
  /** What the engine could not answer, as `kind type`. */
  readonly incomplete: readonly string[];
  /** Findings as `level policy resource-name`, sorted. */
  readonly findings: readonly string[];
  /** The program's error, for `error`. */
  readonly error?: string;
}

/** A person's judgement of one finding (the same in preview and update). */
export interface Judgement {
  /** `true`: the finding states something true of the resource; `false`: it does not; `unjudged`: nobody read it. */
  readonly judged: "true" | "false" | "unjudged";
  readonly why: string;
}

export interface ProgramExpectations {
  readonly cloud: string;
  /** The public program it was written after: repository, path and commit. */
  readonly source: string;
  readonly preview: Observed;
  readonly update: Observed;
  /** Every finding of either mode, judged. */
  readonly judgements: Record<string, Judgement>;
}

export function programNames(): string[] {
  return fs
    .readdirSync(PROGRAMS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(PROGRAMS_DIR, e.name, "Pulumi.yaml")))
    .map((e) => e.name)
    .sort();
}

export function readExpectations(): Record<string, ProgramExpectations> {
  return fs.existsSync(EXPECTATIONS_FILE)
    ? (JSON.parse(fs.readFileSync(EXPECTATIONS_FILE, "utf8")) as Record<string, ProgramExpectations>)
    : {};
}

export const nameOf = (urn: string | undefined): string => (urn ? (urn.split("::").pop() ?? urn) : "(stack)");

/** Runs one program in one mode and reports what the gate would. */
export async function observe(name: string, mode: Mode): Promise<Observed> {
  const project = loadProject(path.join(PROGRAMS_DIR, name));
  const stack = loadStackConfig(project, SUITE_STACK);
  let graph;
  try {
    graph = await synth(project.main, {
      project: project.name,
      stack: SUITE_STACK,
      config: stack.config,
      secretKeys: stack.secretKeys,
      preview: mode === "preview",
      timeoutMs: 60_000,
    });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return {
      verdict: "error",
      incomplete: [],
      findings: [],
      error: message.replace(PROGRAMS_DIR, "programs"),
    };
  }
  const report = buildReport([await evaluatePolicies(graph)], graph);
  const findings = [
    ...report.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${nameOf(v.urn)}`),
    ...report.undecided.map((u) => `undecided ${u.policy} ${nameOf(u.urn)}`),
  ];
  return {
    verdict: report.summary.verdict,
    incomplete: [...new Set(report.incomplete.map((i) => `${i.kind} ${i.type ?? ""}`.trim()))].sort(),
    findings: [...new Set(findings)].sort(),
  };
}
