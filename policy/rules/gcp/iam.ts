// Who a Google Cloud IAM grant names: the one reader every "not public" rule uses, whichever of the three
// resource shapes (member, binding, whole policy) made the grant; and the IAM rules on data services and the
// resource hierarchy (no public grants, no basic roles).
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ResourceRule } from "../../runtime";
import { inputsOf, oneOrMany, record, records, strings } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { T } from "./resource-types";

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

/** The basic (primitive) roles: each grants broad access to every service of the resource it is granted on. */
export const BASIC_ROLES: readonly string[] = ["roles/owner", "roles/editor", "roles/viewer"];

/** Public grants through BigQuery's dataset ACL: a DatasetAccess, or a dataset's inline `accesses`. */
function publicDatasetAccess(args: ResourceValidationArgs): string[] {
  const entries = isOfType(args, T.datasetAccess)
    ? [record(args.props)]
    : records(inputsOf<{ accesses?: unknown }>(args, T.dataset)?.accesses);
  return entries.flatMap((a) => {
    const who = [a.specialGroup, a.iamMember].find((m) => PUBLIC_MEMBERS.includes(String(m)));
    return who === undefined ? [] : [`dataset access grants ${String(a.role ?? "a role")} to ${String(who)}`];
  });
}

export const iamRules: ResourceRule[] = [
  noPublicGrantRule({
    name: "gcp-iam-no-public-access",
    severity: "critical",
    description:
      "No IAM grant on a project, folder or organization, a BigQuery dataset, a Pub/Sub topic or subscription, a " +
      "Secret Manager secret, an Artifact Registry repository or a Cloud KMS key names `allUsers` or " +
      "`allAuthenticatedUsers` (nor a BigQuery dataset ACL).",
    remediationSteps:
      "Grant the role to named service accounts or groups; publish public data through a dedicated, reviewed " +
      "channel and waive this finding for it.",
    references: ["CKV_GCP_15", "CKV_GCP_99", "CKV_GCP_101", "CKV_GCP_112", "CIS GCP 1.9", "CIS GCP 7.1"],
    types: [...T.dataIam, ...T.hierarchyIam],
    also: publicDatasetAccess,
    alsoTypes: [...T.datasetAccess, ...T.dataset],
  }),
  noPublicGrantRule({
    name: "gcp-functions-no-public-invoker",
    severity: "high",
    description:
      "Cloud Functions (1st and 2nd gen) grant no role (such as `roles/cloudfunctions.invoker`) to `allUsers` or " +
      "`allAuthenticatedUsers`, as Cloud Run services may not.",
    remediationSteps:
      "Grant the invoker role to the calling service accounts; for a public endpoint, front the function with a " +
      "load balancer and IAP or Cloud Armor, or waive this finding.",
    references: ["CKV_GCP_107", "CKV2_GCP_10"],
    types: T.functionIam,
  }),
  {
    name: "gcp-iam-no-basic-roles",
    area: "gcp",
    severity: "high",
    description:
      "IAM grants on projects, folders and organizations use predefined or custom roles, not the basic roles " +
      "Owner, Editor and Viewer, which grant every service's permissions at once.",
    remediationSteps:
      "Grant the predefined roles the member needs (roles/storage.objectViewer, roles/run.developer …); keep Owner " +
      "for break-glass accounts and waive those.",
    references: ["CKV_GCP_117", "CKV_GCP_116", "CKV_GCP_115", "CIS GCP 1.5"],
    configSchema: {
      properties: {
        allowedMembers: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            "Members (`user:…`, `group:…`) that may hold a basic role, such as a break-glass group.",
        },
      },
    },
    types: T.hierarchyIam,
    validateResource(args, report) {
      const allowed = args.getConfig<{ allowedMembers?: string[] }>().allowedMembers ?? [];
      for (const g of grantsOf(args.props)) {
        if (BASIC_ROLES.includes(g.role) && !allowed.includes(g.member))
          report(`grants the basic role ${g.role} to ${g.member}`);
      }
    },
  },
];
