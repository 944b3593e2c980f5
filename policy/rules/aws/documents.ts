// Reading IAM-style policy documents (identity policies, trust policies, and the resource policies of
// buckets, keys, queues and topics): statements, actions and principals, and what makes a grant public.
import { ResourceRule } from "../../runtime";
import { onInputs, oneOrMany, record } from "../../runtime/props";

/** One statement of an IAM-style policy document, as far as the rules read it. */
export interface Statement {
  readonly Sid?: unknown;
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: unknown;
}

/** IAM-style policy statements from a JSON string or an object. */
export function statements(doc: unknown): Statement[] {
  let parsed: unknown = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  return oneOrMany(record(parsed).Statement).map((s) => record(s) as Statement);
}

/** The `Sid` of a statement, quoted for a message. */
export function sidOf(s: Statement): string {
  return JSON.stringify(s.Sid ?? "");
}

/** The statements of `doc` that allow something. */
export function allows(doc: unknown): Statement[] {
  return statements(doc).filter((s) => s.Effect === "Allow");
}

/**
 * True when an IAM action pattern (`*`, `iam:*`, `iam:Pass*`, `iam:PassRole`) covers `action`. IAM
 * matches actions case-insensitively, with `*` and `?` as wildcards.
 */
export function coversAction(pattern: string, action: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "i").test(action);
}

/** True when the statement applies to every resource. */
export function onEveryResource(s: Statement): boolean {
  return oneOrMany(s.Resource).map(String).includes("*");
}

/**
 * Condition keys that tie a grant to a known caller: an account, an organization, a source ARN, a
 * network. `aws:SecureTransport`, `aws:CurrentTime` and the like say how, not who, so they restrict nothing.
 */
const RESTRICTING_KEYS = new Set(
  [
    "aws:SourceArn",
    "aws:SourceAccount",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalServiceName",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceIp",
    "aws:userid",
    "aws:username",
    "kms:CallerAccount",
  ].map((k) => k.toLowerCase()),
);

/**
 * True when the statement's condition names who may call: a restricting key under an operator that
 * compares (not `Null`, not `…IfExists`, which pass when the key is absent), with a value other than `*`.
 */
export function restrictsCaller(s: Statement): boolean {
  return Object.entries(record(s.Condition)).some(([operator, block]) => {
    if (operator === "Null" || operator.endsWith("IfExists")) return false;
    return Object.entries(record(block)).some(
      ([key, value]) =>
        RESTRICTING_KEYS.has(key.toLowerCase()) &&
        oneOrMany(value).length > 0 &&
        !oneOrMany(value).map(String).includes("*"),
    );
  });
}

/** True when the statement's principal is everyone: `"*"`, `{ AWS: "*" }`, or any `NotPrincipal`. */
export function anyPrincipal(s: Statement): boolean {
  if (s.NotPrincipal !== undefined) return true;
  const p = s.Principal;
  if (p === "*") return true;
  return Object.values(record(p)).some((v) => oneOrMany(v).map(String).includes("*"));
}

/** The Allow statements of `doc` that grant to everyone with no condition naming the caller. */
export function publicGrants(doc: unknown): Statement[] {
  return allows(doc).filter((s) => anyPrincipal(s) && !restrictsCaller(s));
}

/** A rule refusing public grants in the `policy` input of resources of `types` (S3, SQS, SNS …). */
export interface PublicPolicySpec {
  readonly name: string;
  /** What holds the policy, for the description: "S3 bucket policies". */
  readonly what: string;
  readonly types: readonly string[];
  readonly references: readonly string[];
  /** The input holding the document. @default "policy" */
  readonly field?: string;
}

export function publicPolicyRule(spec: PublicPolicySpec): ResourceRule {
  return {
    name: spec.name,
    area: "aws",
    severity: "critical",
    description:
      `${spec.what} must not allow \`*\` principals (or use \`NotPrincipal\`) unless a condition names the ` +
      "caller: aws:SourceArn/SourceAccount, aws:PrincipalOrgID/PrincipalAccount/PrincipalArn, aws:SourceVpc(e)/SourceIp. " +
      "aws:SecureTransport and other how-not-who conditions do not count.",
    remediationSteps:
      "Name the accounts, roles or service principals in `Principal`, or add a condition such as `aws:SourceArn` or `aws:PrincipalOrgID`.",
    references: spec.references,
    validateResource: onInputs<Record<string, unknown>>(spec.types, (inputs, report) => {
      for (const s of publicGrants(inputs[spec.field ?? "policy"])) {
        report(`statement ${sidOf(s)} allows ${oneOrMany(s.Action).map(String).join(", ")} to Principal "*"`);
      }
    }),
  };
}
