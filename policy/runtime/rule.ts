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

/**
 * The resource types a rule reads: exact type tokens, or a test for an open-ended set (every taggable
 * type). The wrapper skips every other type before anything else runs, so a rule costs nothing on a
 * resource it cannot apply to.
 */
export type TypeSelector = readonly string[] | ((type: string) => boolean);

export interface ResourceRule extends RuleBase {
  /**
   * The types `validateResource` reads. Optional only where `validateResource` was built by `onInputs`,
   * which carries its types; tests/policy holds every resource rule of the pack to having one or the other.
   */
  readonly types?: TypeSelector;
  validateResource(args: ResourceValidationArgs, report: Report): void | Promise<void>;
  /** A fix that cannot change behaviour; runs when the policy's level is `remediate`. */
  remediateResource?(args: ResourceValidationArgs): Record<string, unknown> | undefined;
}

export interface StackRule extends RuleBase {
  /** The types the rule reports on (the resources its findings name), for the coverage matrix. */
  readonly types?: readonly string[];
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
  /**
   * The resource types the policy reads (a resource policy) or reports on (a stack policy), when they are
   * a fixed list; undefined for rules over an open-ended set (every taggable type, every resource).
   */
  readonly resourceTypes?: readonly string[];
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

/**
 * How an annotation crosses the analyzer protocol: as the diagnostic's `description`, the one free field
 * the CrossGuard server forwards besides the message (the Pulumi CLI shows only the message). Without it
 * the analyzer host saw an applied waiver as one more advisory finding, where the in-process path saw a
 * waiver.
 */
const ANNOTATION_PREFIX = "groundwork-annotation:";

export function annotationDescription(a: Annotation): string {
  return ANNOTATION_PREFIX + JSON.stringify(a);
}

const WAIVER_STATUSES: readonly string[] = ["applied", "expired", "missing-reason", "invalid"];

/** The annotation a diagnostic's description carries, if it carries a well-formed one. */
export function annotationOf(description: string | undefined): Annotation | undefined {
  if (!description?.startsWith(ANNOTATION_PREFIX)) return undefined;
  let a: Record<string, unknown>;
  try {
    a = JSON.parse(description.slice(ANNOTATION_PREFIX.length)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof a !== "object" || a === null || typeof a.policy !== "string") return undefined;
  if (a.kind === "undecided") return { kind: "undecided", policy: a.policy };
  const text = (k: string): boolean => a[k] === undefined || typeof a[k] === "string";
  const fields = ["reason", "owner", "expires", "finding"].every(text);
  if (a.kind !== "waiver" || !WAIVER_STATUSES.includes(a.status as string) || !fields) return undefined;
  if (typeof a.pattern !== "string") return undefined;
  return a as unknown as Annotation;
}

/** The object form of `reportViolation` (accepted by the server, absent from its type declaration). */
export interface ViolationObject {
  readonly name?: string;
  readonly message: string;
  /** Set by the wrapper to carry `groundwork` over the protocol (see {@link annotationDescription}). */
  readonly description?: string;
  readonly urn?: string;
  readonly enforcementLevel?: EnforcementLevel;
  readonly severity?: Severity;
  readonly groundwork?: Annotation;
}

/** Critical and high findings block a deployment; the rest advise. Any level can be changed in config. */
export function defaultLevel(severity: Severity): EnforcementLevel {
  return severity === "critical" || severity === "high" ? "mandatory" : "advisory";
}
