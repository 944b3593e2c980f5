// The wrapper that turns a rule into a CrossGuard policy: enforcement level from severity, waivers from
// the pack config, and findings held back until the check has run to the end (so an unknown value never
// yields a violation, only an undecided finding).
import type { EnforcementLevel, PolicyConfigSchema, ReportViolation } from "@pulumi/policy";
import {
  Annotation,
  GroundworkMeta,
  GroundworkResourcePolicy,
  GroundworkStackPolicy,
  Report,
  ResourceRule,
  RuleBase,
  STACK_TYPE,
  StackRule,
  UNDECIDED_PREFIX,
  ViolationObject,
  WAIVER_POLICY,
  WAIVER_SEVERITY,
  CLOCK_KEY,
  annotationDescription,
  defaultLevel,
} from "./rule";
import { CheckedWaiver, WAIVERS_SCHEMA, checkWaivers } from "./waivers";
import { serviceOf } from "./frameworks";

function clockOf(args: object): Date {
  const value = (args as Record<string, unknown>)[CLOCK_KEY];
  return value instanceof Date ? value : new Date();
}

function reportObject(reportViolation: ReportViolation, v: ViolationObject): void {
  const sent = v.groundwork ? { ...v, description: annotationDescription(v.groundwork) } : v;
  (reportViolation as unknown as (v: ViolationObject) => void)(sent);
}

function withWaivers(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
  return {
    ...schema,
    properties: { ...(schema?.properties ?? {}), waivers: WAIVERS_SCHEMA as never },
  };
}

interface Finding {
  readonly message: string;
  readonly urn?: string;
  readonly undecided?: boolean;
}

/**
 * Runs a rule's check with findings buffered, then reports them: undecided ones as advisory, waived
 * ones as waiver records, the rest as violations. If the check throws (an unknown value the rule did
 * not handle), nothing buffered is reported and the error goes to the caller, as CrossGuard expects.
 */
async function guarded(
  rule: RuleBase,
  args: { getConfig<T extends object>(): T },
  reportViolation: ReportViolation,
  auditWaivers: boolean,
  defaultUrn: string | undefined,
  check: (report: Report) => void | Promise<void>,
): Promise<void> {
  const config = args.getConfig<{ waivers?: unknown }>();
  const waivers = checkWaivers(config.waivers, clockOf(args));
  if (auditWaivers) {
    for (const w of waivers.filter((x) => x.status !== "valid")) {
      reportObject(reportViolation, {
        name: WAIVER_POLICY,
        message:
          `waiver #${w.index + 1} for policy "${rule.name}" (urn ${JSON.stringify(w.pattern)}) ${w.problem}; ` +
          "it suppresses nothing: renew it with a reason, owner and future expiry, or remove it",
        urn: defaultUrn,
        // CrossGuard gives a policy no way to read another's configured level, so this is the waiver
        // policy's default; Groundwork's engines (in-process and the analyzer host) replace it with the
        // level configured for `groundwork-waivers` (or `all`), and drop the finding when it is disabled.
        enforcementLevel: defaultLevel(WAIVER_SEVERITY),
        severity: WAIVER_SEVERITY,
        groundwork: annotation(rule.name, w, w.status as "expired"),
      });
    }
  }
  const found: Finding[] = [];
  const report: Report = Object.assign((message: string, urn?: string) => void found.push({ message, urn }), {
    undecided: (message: string, urn?: string) => void found.push({ message, urn, undecided: true }),
  });
  await check(report);
  for (const f of found) {
    const urn = f.urn ?? defaultUrn;
    if (f.undecided) {
      reportObject(reportViolation, {
        message: `${UNDECIDED_PREFIX}${f.message}`,
        urn,
        enforcementLevel: "advisory",
        severity: rule.severity,
        groundwork: { kind: "undecided", policy: rule.name },
      });
      continue;
    }
    const waiver = urn ? waivers.find((w) => w.status === "valid" && w.matches(urn)) : undefined;
    if (waiver) {
      reportObject(reportViolation, {
        name: WAIVER_POLICY,
        message:
          `waived "${rule.name}" until ${waiver.expires} (owner ${waiver.owner}): ${waiver.reason}. ` +
          `Finding: ${f.message}`,
        urn,
        enforcementLevel: "advisory",
        severity: "low",
        groundwork: { ...annotation(rule.name, waiver, "applied"), finding: f.message },
      });
    } else {
      reportViolation(f.message, f.urn);
    }
  }
}

type WaiverAnnotation = Extract<Annotation, { kind: "waiver" }>;

function annotation(policy: string, w: CheckedWaiver, status: WaiverAnnotation["status"]): WaiverAnnotation {
  return {
    kind: "waiver",
    policy,
    status: w.status === "valid" ? status : w.status,
    pattern: w.pattern,
    reason: w.reason,
    owner: w.owner,
    expires: w.expires,
  };
}

function base(rule: RuleBase): GroundworkMeta & {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  configSchema: PolicyConfigSchema;
  tags: string[];
} {
  return {
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    enforcementLevel: defaultLevel(rule.severity),
    remediationSteps: rule.remediationSteps,
    references: rule.references,
    area: rule.area,
    service: serviceOf(rule),
    tags: [rule.area, ...rule.references],
    configSchema: withWaivers(rule.configSchema),
  };
}

/** A resource rule as a CrossGuard policy. */
export function resourcePolicy(rule: ResourceRule): GroundworkResourcePolicy {
  const policy: GroundworkResourcePolicy = {
    ...base(rule),
    validateResource: (args, reportViolation) =>
      guarded(rule, args, reportViolation, args.type === STACK_TYPE, args.urn, (report) =>
        rule.validateResource(args, report),
      ),
  };
  if (rule.remediateResource) {
    const remediate = rule.remediateResource.bind(rule);
    policy.remediateResource = (args) => {
      const waivers = checkWaivers(args.getConfig<{ waivers?: unknown }>().waivers, clockOf(args));
      // A waived resource is left as its author wrote it: the waiver is the decision.
      if (waivers.some((w) => w.status === "valid" && w.matches(args.urn))) return undefined;
      return remediate(args);
    };
  }
  return policy;
}

/** A stack rule as a CrossGuard policy. */
export function stackPolicy(rule: StackRule): GroundworkStackPolicy {
  return {
    ...base(rule),
    validateStack: (args, reportViolation) =>
      guarded(rule, args, reportViolation, true, undefined, (report) => rule.validateStack(args, report)),
  };
}
