// The analyzer protocol's answers, read into the report's terms: the pack's policy metadata, and its
// diagnostics sorted into violations and undecided checks in graph order.
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { DescribedPolicy, PolicyConfigEntry, checkPolicyList, levelFiledUnder } from "../policy-config";
import {
  EnforcementLevel,
  PolicyInfo,
  Severity,
  Undecided,
  Violation,
  WaiverRecord,
  isUndecidedMessage,
} from "../report";
import { waiverRecord } from "../waiver-record";
import { WAIVER_POLICY, annotationOf } from "../../policy/runtime/rule";

const LEVELS: Record<number, EnforcementLevel> = {
  [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};
export const LEVEL_CODES: Record<EnforcementLevel, number> = {
  advisory: analyzerpb.EnforcementLevel.ADVISORY,
  mandatory: analyzerpb.EnforcementLevel.MANDATORY,
  disabled: analyzerpb.EnforcementLevel.DISABLED,
  remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};
const SEVERITIES: Record<number, Severity | undefined> = {
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** A level code as a name, or the code itself when it is none of the four (for the error message). */
const levelName = (code: number): EnforcementLevel | number => LEVELS[code] ?? code;

/**
 * Refuses GetAnalyzerInfo answers the CLI refuses or that would downgrade a policy: duplicate policy
 * names, and unknown level codes on a policy or in the pack's initial config. After this, every
 * `?? "advisory"` below is unreachable for policies; it stays only as a type-level default.
 */
export function checkAnalyzerInfo(info: analyzerpb.AnalyzerInfo): void {
  const pack = info.getName();
  checkPolicyList(
    pack,
    info.getPoliciesList().map((p) => ({ name: p.getName(), level: levelName(p.getEnforcementlevel()) })),
  );
  info.getInitialconfigMap().forEach((c, k) => {
    if (LEVELS[c.getEnforcementlevel()] === undefined)
      throw new Error(
        `policy pack '${pack}': its initial config gives '${k}' invalid enforcement level ${c.getEnforcementlevel()}`,
      );
  });
}

/** Each policy's default level and config schema, as config reconciliation needs them. */
export function describedPolicies(info: analyzerpb.AnalyzerInfo): DescribedPolicy[] {
  return info.getPoliciesList().map((p) => {
    const schema = p.getConfigschema();
    return {
      name: p.getName(),
      enforcementLevel: LEVELS[p.getEnforcementlevel()] ?? "advisory",
      schema: schema
        ? {
            properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<
              string,
              Record<string, unknown>
            >,
            required: schema.getRequiredList(),
          }
        : undefined,
    };
  });
}

/** The config the pack ships with (`initialConfig`), applied before the user's. */
export function initialConfig(info: analyzerpb.AnalyzerInfo): Record<string, PolicyConfigEntry> {
  const initial: Record<string, PolicyConfigEntry> = {};
  info.getInitialconfigMap().forEach((c, k) => {
    initial[k] = {
      enforcementLevel: LEVELS[c.getEnforcementlevel()],
      properties: (c.getProperties()?.toJavaScript() ?? undefined) as Record<string, unknown> | undefined,
    };
  });
  return initial;
}

/** The report's view of each policy, at the level it was configured with. */
export function policyInfos(
  info: analyzerpb.AnalyzerInfo,
  reconciled: Readonly<Record<string, PolicyConfigEntry>>,
): PolicyInfo[] {
  return info.getPoliciesList().map((p) => {
    const framework = p.getFramework();
    const refs = framework?.getReference() ? [framework.getReference()] : [];
    return {
      pack: info.getName(),
      name: p.getName(),
      description: p.getDescription(),
      enforcementLevel:
        reconciled[p.getName()]?.enforcementLevel ?? LEVELS[p.getEnforcementlevel()] ?? "advisory",
      severity: SEVERITIES[p.getSeverity()],
      remediationSteps: p.getRemediationSteps() || undefined,
      url: p.getUrl() || undefined,
      tags: p.getTagsList().length ? p.getTagsList() : undefined,
      references: refs.length ? refs : undefined,
    };
  });
}

/**
 * Diagnostics gathered from concurrent calls, each tagged with its resource's place in the graph so the
 * report lists them in graph order whatever order the answers came in.
 */
export class Findings {
  private readonly violations: { order: number; v: Violation }[] = [];
  private readonly undecided: { order: number; u: Undecided }[] = [];
  private readonly waivers: { order: number; w: WaiverRecord }[] = [];

  constructor(
    private readonly packName: string,
    private readonly reconciled: Readonly<Record<string, PolicyConfigEntry>>,
  ) {}

  /** Sorts Analyze / AnalyzeStack diagnostics: undecided checks apart, the rest as violations. */
  collect(order: number, ds: readonly analyzerpb.AnalyzeDiagnostic[], fallbackUrn?: string): void {
    for (const d of ds) {
      const level = LEVELS[d.getEnforcementlevel()];
      // The CLI fails on a diagnostic with an unknown level; reading it as advisory would pass it silently.
      if (level === undefined)
        throw new Error(
          `policy pack '${d.getPolicypackname() || this.packName}': policy '${d.getPolicyname()}' reported` +
            ` a finding with invalid enforcement level ${d.getEnforcementlevel()}`,
        );
      const urn = d.getUrn() || fallbackUrn;
      if (level === "advisory" && isUndecidedMessage(d.getMessage())) {
        this.addUndecided(order, {
          pack: d.getPolicypackname(),
          policy: d.getPolicyname(),
          urn,
          message: d.getMessage(),
        });
        continue;
      }
      // A waiver our pack's wrapper annotated: recorded as the in-process path records it; an applied one
      // is the waiver, not a finding, and a refused one is also a finding (below).
      const note = annotationOf(d.getDescription());
      if (note?.kind === "waiver") {
        this.waivers.push({ order, w: waiverRecord(d.getPolicypackname() || this.packName, note, urn) });
        if (note.status === "applied") continue;
      }
      // Invalid waivers are filed under groundwork-waivers by whichever policy held them.
      const configured =
        d.getPolicyname() === WAIVER_POLICY ? this.reconciled[WAIVER_POLICY]?.enforcementLevel : undefined;
      const filedLevel = levelFiledUnder(level, configured);
      if (!filedLevel) continue;
      this.violations.push({
        order,
        v: {
          pack: d.getPolicypackname() || this.packName,
          policy: d.getPolicyname(),
          enforcementLevel: filedLevel,
          severity: SEVERITIES[d.getSeverity()],
          urn,
          message: d.getMessage(),
        },
      });
    }
  }

  addUndecided(order: number, u: Undecided): void {
    this.undecided.push({ order, u });
  }

  sortedViolations(): Violation[] {
    return this.violations.sort((a, b) => a.order - b.order).map((x) => x.v);
  }

  sortedUndecided(): Undecided[] {
    return this.undecided.sort((a, b) => a.order - b.order).map((x) => x.u);
  }

  sortedWaivers(): WaiverRecord[] {
    return this.waivers.sort((a, b) => a.order - b.order).map((x) => x.w);
  }
}
