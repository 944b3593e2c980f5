// What the in-process evaluator collects from a pack: `reportViolation` calls sorted into violations,
// waiver records and undecided checks (Groundwork's pack annotates its findings to say which), the
// remediations made, and policy errors turned into the engine's messages.
import { Annotation } from "../../policy/pack";
import { isUnknownError } from "../../policy/runtime";
import { PolicyConfigEntry, levelFiledUnder } from "../policy-config";
import {
  EnforcementLevel,
  PolicyReport,
  Remediation,
  Severity,
  Undecided,
  Violation,
  WaiverRecord,
} from "../report";
import { waiverRecord } from "../waiver-record";
import { isNotApplicable } from "./args";

/** The policy fields a finding is filed with. */
export interface ReportingPolicy {
  readonly name: string;
  readonly description: string;
  readonly severity?: string;
}

/** The object form of `reportViolation` (accepted by the server, absent from its type declaration). */
interface ViolationObject {
  name?: string;
  message?: string;
  description?: string;
  urn?: string;
  enforcementLevel?: EnforcementLevel;
  severity?: Severity;
  groundwork?: Annotation;
}

export class PackFindings {
  readonly violations: Violation[] = [];
  readonly waivers: WaiverRecord[] = [];
  readonly remediations: Remediation[] = [];
  readonly undecided: Undecided[] = [];

  constructor(
    private readonly pack: string,
    private readonly config: Readonly<Record<string, PolicyConfigEntry>>,
  ) {}

  /** The `reportViolation` a policy is given, at the level it runs at, for the resource (if any) it checks. */
  reporter(p: ReportingPolicy, level: EnforcementLevel, defaultUrn: string | undefined) {
    return (message: unknown, urn?: string): void => {
      if (typeof message === "object" && message !== null) {
        this.fileObject(p, level, defaultUrn, message as ViolationObject);
        return;
      }
      this.violations.push({
        pack: this.pack,
        policy: p.name,
        enforcementLevel: level,
        severity: p.severity as Severity | undefined,
        urn: defaultUrn ?? urn,
        message: message ? `${p.description}\n${String(message)}` : p.description,
      });
    };
  }

  private fileObject(
    p: ReportingPolicy,
    level: EnforcementLevel,
    defaultUrn: string | undefined,
    v: ViolationObject,
  ): void {
    const text = v.message || v.description || p.description;
    const where = v.urn ?? defaultUrn;
    const g = v.groundwork;
    if (g?.kind === "undecided") {
      this.undecided.push({ pack: this.pack, policy: g.policy, urn: where, message: text });
      return;
    }
    if (g?.kind === "waiver") {
      this.waivers.push(waiverRecord(this.pack, g, where));
      if (g.status === "applied") return;
    }
    // A finding filed under another policy's name (invalid waivers, under groundwork-waivers).
    const filedUnder = v.name && v.name !== p.name ? this.config[v.name]?.enforcementLevel : undefined;
    const filedLevel = levelFiledUnder(v.enforcementLevel || level, filedUnder);
    if (!filedLevel) return;
    this.violations.push({
      pack: this.pack,
      policy: v.name || p.name,
      enforcementLevel: filedLevel,
      severity: v.severity || (p.severity as Severity | undefined),
      urn: where,
      message: text,
    });
  }

  /**
   * Runs one policy call. `notApplicable()` skips; an unknown value the policy did not handle makes the
   * check undecided (as @pulumi/policy reports it in preview); any other error fails the evaluation.
   */
  run(p: ReportingPolicy, what: string, urn: string | undefined, fn: () => unknown): void | Promise<void> {
    // Synchronous policies (most) settle here without a promise: a 5,000-resource program makes some
    // 600,000 calls, and an await per call was most of the evaluation's cost.
    try {
      const out = fn();
      if (out instanceof Promise) return out.then(undefined, (err) => this.settle(p, what, urn, err));
    } catch (err) {
      this.settle(p, what, urn, err);
    }
  }

  private settle(p: ReportingPolicy, what: string, urn: string | undefined, err: unknown): void {
    if (isNotApplicable(err)) return;
    if (isUnknownError(err)) {
      this.undecided.push({
        pack: this.pack,
        policy: p.name,
        urn,
        message: `can't run policy '${p.name}' during preview: ${err.message}`,
      });
      return;
    }
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`Error ${what} with policy '${p.name}' from policy pack '${this.pack}': ${msg}`);
  }

  report(policies: PolicyReport["policies"]): PolicyReport {
    const { violations, waivers, remediations, undecided } = this;
    return { policies, violations, waivers, remediations, undecided };
  }
}
