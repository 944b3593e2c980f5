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
  TypeSelector,
  UNDECIDED_PREFIX,
  ViolationObject,
  WAIVER_POLICY,
  WAIVER_SEVERITY,
  CLOCK_KEY,
  annotationDescription,
  defaultLevel,
} from "./rule";
import { CheckedWaiver, WAIVERS_SCHEMA, checkWaivers, refusedWaiverMessage } from "./waivers";
import { serviceOf } from "./frameworks";
import { typesOfValidation } from "./props";

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
 * A synchronous check settles synchronously: a promise per (resource, policy) pair was most of what a
 * policy cost on a resource it does not read.
 */
function guarded(
  rule: RuleBase,
  args: { getConfig<T extends object>(): T },
  reportViolation: ReportViolation,
  auditWaivers: boolean,
  defaultUrn: string | undefined,
  check: ((report: Report) => void | Promise<void>) | undefined,
): void | Promise<void> {
  const config = args.getConfig<{ waivers?: unknown }>();
  const waivers = checkWaivers(config.waivers, clockOf(args));
  if (auditWaivers) {
    for (const w of waivers.filter((x) => x.status !== "valid")) {
      reportObject(reportViolation, {
        name: WAIVER_POLICY,
        message: refusedWaiverMessage(rule.name, w),
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
  if (!check) return;
  const found: Finding[] = [];
  const report: Report = Object.assign((message: string, urn?: string) => void found.push({ message, urn }), {
    undecided: (message: string, urn?: string) => void found.push({ message, urn, undecided: true }),
  });
  const pending = check(report);
  if (pending instanceof Promise)
    return pending.then(() => flush(rule, found, waivers, reportViolation, defaultUrn));
  flush(rule, found, waivers, reportViolation, defaultUrn);
}

/** Reports what a check found, once it has run to the end. */
function flush(
  rule: RuleBase,
  found: readonly Finding[],
  waivers: readonly CheckedWaiver[],
  reportViolation: ReportViolation,
  defaultUrn: string | undefined,
): void {
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

/** The test a rule's types make, or undefined when the rule reads every type. */
function typeTest(types: TypeSelector | undefined): ((type: string) => boolean) | undefined {
  if (types === undefined) return undefined;
  if (typeof types === "function") return types;
  const set = new Set(types);
  return (type) => set.has(type);
}

/** The rule's types as a fixed list, when they are one. */
function fixedTypes(types: TypeSelector | undefined): readonly string[] | undefined {
  return types === undefined || typeof types === "function" ? undefined : [...new Set(types)];
}

function base(
  rule: RuleBase,
  types: TypeSelector | undefined,
): GroundworkMeta & {
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
    resourceTypes: fixedTypes(types),
    tags: [rule.area, ...rule.references],
    configSchema: withWaivers(rule.configSchema),
  };
}

/**
 * A resource rule as a CrossGuard policy. A resource of a type the rule does not read returns at once,
 * before config, waivers or the check: what the rule costs there is one set lookup. The root stack is
 * the exception: every resource policy audits its waivers on it, once.
 */
export function resourcePolicy(rule: ResourceRule): GroundworkResourcePolicy {
  const types = rule.types ?? typesOfValidation(rule.validateResource);
  const reads = typeTest(types);
  const policy: GroundworkResourcePolicy = {
    ...base(rule, types),
    validateResource: (args, reportViolation) => {
      const applies = reads === undefined || reads(args.type);
      if (!applies && args.type !== STACK_TYPE) return undefined;
      return guarded(
        rule,
        args,
        reportViolation,
        args.type === STACK_TYPE,
        args.urn,
        applies ? (report) => rule.validateResource(args, report) : undefined,
      );
    },
  };
  if (rule.remediateResource) {
    const remediate = rule.remediateResource.bind(rule);
    policy.remediateResource = (args) => {
      if (reads !== undefined && !reads(args.type)) return undefined;
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
    ...base(rule, rule.types),
    validateStack: (args, reportViolation) =>
      guarded(rule, args, reportViolation, true, undefined, (report) => rule.validateStack(args, report)),
  };
}
