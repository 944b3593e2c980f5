// Who a Google Cloud IAM grant names: the one reader every "not public" rule uses, whichever of the three
// resource shapes (member, binding, whole policy) made the grant.
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ResourceRule } from "../../runtime";
import { oneOrMany, record, records, strings } from "../../runtime/props";

/** The members that mean "anyone": every internet user, or every holder of any Google account. */
export const PUBLIC_MEMBERS: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/** One role granted to one member. */
export interface Grant {
  readonly role: string;
  readonly member: string;
}

/** The bindings of an IAM policy document (`policyData`, JSON); an unparsable document has none. */
function policyBindings(policyData: unknown): Grant[] {
  if (typeof policyData !== "string") return [];
  let doc: unknown;
  try {
    doc = JSON.parse(policyData);
  } catch {
    return [];
  }
  return records(record(doc).bindings).flatMap((b) =>
    strings(b.members).map((member) => ({ role: String(b.role), member })),
  );
}

/**
 * Every grant a `*IAMMember`, `*IAMBinding` or `*IAMPolicy` resource makes. A member that is unknown
 * during preview throws on reading, so the rule is undecided rather than silently passing.
 */
export function grantsOf(props: Record<string, unknown>): Grant[] {
  const role = String(props.role ?? "");
  const single = props.member === undefined ? [] : [{ role, member: String(props.member) }];
  const listed = oneOrMany(props.members).map((m) => ({ role, member: String(m) }));
  return [...single, ...listed, ...policyBindings(props.policyData)];
}

/** The grants to a public member. */
export function publicGrants(props: Record<string, unknown>): Grant[] {
  return grantsOf(props).filter((g) => PUBLIC_MEMBERS.includes(g.member));
}

/** A rule that reports every public grant made by resources of `types`. */
export function noPublicGrantRule(
  spec: Pick<ResourceRule, "name" | "severity" | "description" | "remediationSteps" | "references"> & {
    readonly types: readonly string[];
    /** Extra findings for the same exposure on other resource shapes (legacy ACLs, IAM switched off). */
    readonly also?: (args: ResourceValidationArgs) => string[];
    /** The types `also` reads. */
    readonly alsoTypes?: readonly string[];
  },
): ResourceRule {
  const { types, also, alsoTypes, ...meta } = spec;
  return {
    ...meta,
    area: "gcp",
    types: [...types, ...(alsoTypes ?? [])],
    validateResource(args, report) {
      for (const message of also?.(args) ?? []) report(message);
      if (!types.includes(args.type)) return;
      for (const g of publicGrants(args.props)) report(`grants ${g.role} to ${g.member}`);
    },
  };
}
