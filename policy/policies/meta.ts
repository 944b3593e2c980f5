// What every Groundwork policy carries (severity, references, remediation), and the wrapper that turns a
// rule into a CrossGuard policy: enforcement level from severity, waivers from the pack config, and
// findings held back until the check has run to the end (so an unknown value never yields a violation).
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { CheckedWaiver, WAIVERS_SCHEMA, checkWaivers } from "./waivers";

/** Where a rule applies; adding a cloud adds a value here and a file next to this one. */
export type Area = "aws" | "kubernetes" | "common" | "gcp" | "azure";

/** The policy that invalid and applied waivers are reported under. */
export const WAIVER_POLICY = "groundwork-waivers";

/** Invalid waivers weaken the gate silently, hence high (mandatory unless configured otherwise). */
export const WAIVER_SEVERITY: Severity = "high";

/** The root stack's type: resource policies audit their waivers once, on it. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Key under which our offline engine may put a `Date` on the validation args to fix "now" for waiver
 * expiry. The Pulumi CLI never sets it, so the wall clock is used there.
 */
export const CLOCK_KEY = "__groundworkNow";

/** How a rule reports: a violation, or that a check could not be decided (a value unknown in preview). */
export interface Report {
  (message: string, urn?: string): void;
  undecided(message: string, urn?: string): void;
}

interface RuleBase {
  /** Unique, kebab-case, prefixed with the area (`aws-s3-…`, `k8s-…`). */
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  /** What to change, in one or two sentences. */
  readonly remediationSteps: string;
  /** Public ids the rule corresponds to: `CKV_AWS_7`, `CIS AWS 3.8`, `PSS restricted` … */
  readonly references: readonly string[];
  readonly area: Area;
  /** Knobs (waivers are added to every policy automatically). */
  readonly configSchema?: PolicyConfigSchema;
}

export interface ResourceRule extends RuleBase {
  validateResource(args: ResourceValidationArgs, report: Report): void | Promise<void>;
  /** A fix that cannot change behaviour; runs when the policy's level is `remediate`. */
  remediateResource?(args: ResourceValidationArgs): Record<string, unknown> | undefined;
}

export interface StackRule extends RuleBase {
  validateStack(args: StackValidationArgs, report: Report): void | Promise<void>;
}

/** Metadata every Groundwork policy exposes, beyond what CrossGuard's `Policy` has. */
export interface GroundworkMeta {
  readonly severity: Severity;
  readonly remediationSteps: string;
  readonly references: readonly string[];
  readonly area: Area;
}

export type GroundworkResourcePolicy = ResourceValidationPolicy & GroundworkMeta;
export type GroundworkStackPolicy = StackValidationPolicy & GroundworkMeta;
export type GroundworkPolicy = GroundworkResourcePolicy | GroundworkStackPolicy;

/**
 * Extra fields on the object form of `reportViolation`. The CrossGuard server ignores them; our engine
 * reads them to file a diagnostic as a waiver record or an undecided check instead of a violation.
 */
export type Annotation =
  | { readonly kind: "undecided"; readonly policy: string }
  | {
      readonly kind: "waiver";
      readonly policy: string;
      readonly status: "applied" | "expired" | "missing-reason" | "invalid";
      readonly pattern: string;
      readonly reason?: string;
      readonly owner?: string;
      readonly expires?: string;
      readonly finding?: string;
    };

/** The object form of `reportViolation` (accepted by the server, absent from its type declaration). */
export interface ViolationObject {
  readonly name?: string;
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel?: EnforcementLevel;
  readonly severity?: Severity;
  readonly groundwork?: Annotation;
}

/** Critical and high findings block a deployment; the rest advise. Any level can be changed in config. */
export function defaultLevel(severity: Severity): EnforcementLevel {
  return severity === "critical" || severity === "high" ? "mandatory" : "advisory";
}

function clockOf(args: object): Date {
  const value = (args as Record<string, unknown>)[CLOCK_KEY];
  return value instanceof Date ? value : new Date();
}

function reportObject(reportViolation: ReportViolation, v: ViolationObject): void {
  (reportViolation as unknown as (v: ViolationObject) => void)(v);
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
        message: `could not be decided during preview: ${f.message}`,
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

/** Resources of the given types (exact tokens). */
export function ofTypes(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
  return resources.filter((r) => types.includes(r.type));
}
