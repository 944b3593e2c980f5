// What a Groundwork rule is: the metadata every policy carries (severity, references, remediation), how a
// rule reports, and the annotations our engines read. wrapper.ts turns a rule into a CrossGuard policy.
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

/** Where a rule applies; adding a cloud adds a value here and a folder under rules/. */
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

/** The pack's name, as `new PolicyPack(PACK_NAME, …)` registers it; here so the gate can read it without loading the rules. */
export const PACK_NAME = "groundwork-security";

/**
 * How an undecided finding's message starts, in every engine's output. Produced only by the wrapper
 * (wrapper.ts); a reader of findings (the gate, the analyzer host) matches this constant, not the text.
 */
export const UNDECIDED_PREFIX = "could not be decided during preview: ";

/** How a rule reports: a violation, or that a check could not be decided (a value unknown in preview). */
export interface Report {
  (message: string, urn?: string): void;
  undecided(message: string, urn?: string): void;
}

export interface RuleBase {
  /** Unique, kebab-case, prefixed with the area (`aws-s3-…`, `k8s-…`). */
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  /** What to change, in one or two sentences. */
  readonly remediationSteps: string;
  /** Public ids the rule corresponds to: `CKV_AWS_7`, `CIS AWS 3.8`, `PSS restricted` … */
  readonly references: readonly string[];
  readonly area: Area;
  /** The service the catalogue groups it under (`RBAC`, `S3`); derived from the name when left out (frameworks.ts). */
  readonly service?: string;
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
  /** The service the catalogue and `groundwork rules` group it under. */
  readonly service: string;
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
