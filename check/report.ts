// The shape every policy evaluation produces, whether our pack ran in-process or a pack ran through
// the analyzer host; reporters (table, json, sarif, junit) read only this.
import { IncompleteItem, ResourceGraph } from "../engine/graph";
import type { Isolation } from "../engine/runner/isolation";
import { PACK_NAME, UNDECIDED_PREFIX } from "../policy/runtime/rule";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

/** A policy as the pack describes it (GetAnalyzerInfo, or our pack's metadata). */
export interface PolicyInfo {
  readonly pack: string;
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity?: Severity;
  readonly remediationSteps?: string;
  readonly url?: string;
  readonly tags?: readonly string[];
  /** Public rule ids the policy corresponds to (Checkov, CIS, PSS …). */
  readonly references?: readonly string[];
}

/** A place in a source file: an absolute path, 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where a finding points. `location` is the user's own code that made the resource (for a component's
 * child, the line that called the component; for a stack-level finding, the program's main file);
 * `relatedLocations` are the places behind it in libraries (the component's own line that made the child).
 */
export interface Located {
  readonly location?: SourceLocation;
  readonly relatedLocations?: readonly SourceLocation[];
}

/** One finding. `urn` is absent for stack-level findings not tied to a resource. */
export interface Violation extends Located {
  readonly pack: string;
  readonly policy: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity?: Severity;
  readonly urn?: string;
  readonly message: string;
}

/** Blocking levels first, then advisory: the order findings are listed in. */
const LEVEL_RANK: Record<EnforcementLevel, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Orders findings by enforcement level, then severity (a finding with none after those with one), keeping
 * the graph order within each: what blocks the merge comes first in every report.
 */
export function byLevelThenSeverity(a: Violation, b: Violation): number {
  return (
    LEVEL_RANK[a.enforcementLevel] - LEVEL_RANK[b.enforcementLevel] ||
    (a.severity ? SEVERITY_RANK[a.severity] : 4) - (b.severity ? SEVERITY_RANK[b.severity] : 4)
  );
}

/** A waiver that was applied (it suppressed a finding) or that is itself invalid. */
export interface WaiverRecord {
  readonly pack: string;
  readonly policy: string;
  /** The URN pattern from the config. */
  readonly pattern: string;
  /** The URN of the resource the waiver suppressed a finding on, when applied. */
  readonly urn?: string;
  readonly reason?: string;
  readonly owner?: string;
  readonly expires?: string;
  /** `applied`, or why it was refused. */
  readonly status: "applied" | "expired" | "missing-reason" | "invalid";
  /** The finding it suppressed, when applied. */
  readonly message?: string;
}

/** A property change a policy made through `remediateResource`. */
export interface Remediation {
  readonly pack: string;
  readonly policy: string;
  readonly urn: string;
  /** The inputs after the fix. */
  readonly inputs: Record<string, unknown>;
}

// How Groundwork's pack opens the advisory finding it files when a check needs a value that is unknown
// until deployment: the pack's runtime owns the constant, so the two sides cannot drift apart.
export { UNDECIDED_PREFIX };

// What @pulumi/policy itself reports when a policy threw on an unknown value.
const SDK_UNDECIDED_RE = /^can't run (?:policy|remediation) '.*?' from policy pack '.*?' during preview: /;

/** True when a diagnostic's message says the check was undecided rather than failed. */
export function isUndecidedMessage(message: string): boolean {
  return message.startsWith(UNDECIDED_PREFIX) || SDK_UNDECIDED_RE.test(message);
}

/** A check that could not be decided because a value was unknown during preview. */
export interface Undecided extends Located {
  readonly pack: string;
  readonly policy: string;
  readonly urn?: string;
  readonly message: string;
}

export interface PolicyReport {
  readonly policies: readonly PolicyInfo[];
  readonly violations: readonly Violation[];
  readonly waivers: readonly WaiverRecord[];
  readonly remediations: readonly Remediation[];
  readonly undecided: readonly Undecided[];
}

/** The built-in pack's name: the pack's runtime owns it, so reading it never loads the rules. */
export const BUILT_IN_PACK = PACK_NAME;

/** A pack that ran, and how many of its policies were enabled. */
export interface PackSummary {
  readonly name: string;
  readonly policies: number;
  /** This package's own pack (`groundwork-security`), which runs unless explicitly turned off. */
  readonly builtIn: boolean;
}

export { IncompleteItem };
export type { Isolation };

/**
 * The verdict: `incomplete` when the offline engine could not expand or decide part of the program and
 * `--allow-incomplete` was not given (exit 2), else `fail` on a blocking finding (exit 1), else `pass`.
 */
export type Verdict = "pass" | "fail" | "incomplete";

/** What `groundwork check` reports: the graph, the findings, and the summary the exit code is taken from. */
export interface CheckReport extends PolicyReport {
  readonly graph: ResourceGraph;
  /**
   * What the offline engine could not expand or decide (remote components, invokes with no answer, stack
   * references with no outputs, Helm charts with no `helm`): the policies never saw what is behind them.
   */
  readonly incomplete: readonly IncompleteItem[];
  /** The program's main file, for reporters that point at source. */
  readonly programFile?: string;
  /** How the program was kept away from the gate (every report says it); absent when no program ran here. */
  readonly isolation?: Isolation;
  readonly summary: {
    /** Every pack that ran, built-in first. */
    readonly packs: readonly PackSummary[];
    /** True when the built-in pack was turned off on purpose (`--no-builtin`): said in every report. */
    readonly builtInDisabled: boolean;
    readonly resources: number;
    readonly policies: number;
    readonly mandatory: number;
    readonly advisory: number;
    readonly waived: number;
    readonly undecided: number;
    /** How many {@link CheckReport.incomplete} items there are. */
    readonly incomplete: number;
    /** True when `--allow-incomplete` made the incomplete items advisory. */
    readonly allowIncomplete: boolean;
    readonly verdict: Verdict;
  };
}
