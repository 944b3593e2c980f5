// Grants on Google Cloud: a grantee is an IAM member (`serviceAccount:…`); each grant is one IAM member
// binding on the granting resource, a child of the granting component, named
// `<component>-grant-<granteeName>-<level>` unless the caller gives an id (ADR 0004).
import * as pulumi from "@pulumi/pulumi";
import { AccessLevel, Grantee, GrantLedger, Validator, childName, knownValue } from "../core";

/** What a Google Cloud grant binds: one IAM member (`serviceAccount:x@p.iam.gserviceaccount.com`). */
export interface GcpPrincipal {
  readonly member: pulumi.Input<string>;
}

/** A grantee on Google Cloud. A `ContainerService` is one: its dedicated service account. */
export type GcpGrantee = Grantee<GcpPrincipal>;

/** IAM members a grant may name: one identity, never `allUsers` or `allAuthenticatedUsers`. */
const GCP_MEMBER = /^(serviceAccount|user|group|principal|principalSet):\S+$/;

/**
 * A grantee for a service account given by email (from another stack, say). `granteeName` names the
 * grant's children: keep it stable.
 */
export function serviceAccountGrantee(granteeName: string, email: pulumi.Input<string>): GcpGrantee {
  return { granteeName, grantPrincipal: { member: pulumi.interpolate`serviceAccount:${email}` } };
}

/** Refuses a public or malformed member; runs again when an Output resolves. */
function checkMember(v: Validator, value: string): string {
  if (!GCP_MEMBER.test(value)) {
    const type = /^([^:]*):/.exec(value)?.[1];
    const problem = /^all(Authenticated)?Users$/.test(value)
      ? "is everyone, not a single IAM identity"
      : type === undefined
        ? "has no member type (serviceAccount:, user:, group:, principal: or principalSet: before the identity)"
        : `has the member type ${JSON.stringify(type)}, not serviceAccount, user, group, principal or principalSet`;
    v.fail("grantee", value, problem, "an IAM member such as serviceAccount:<email>");
  }
  return value;
}

/** A grantee reduced to its name and checked member. */
export function resolveGcpGrantee(
  v: Validator,
  grantee: GcpGrantee,
): { granteeName: string; member: pulumi.Input<string> } {
  if (typeof grantee !== "object" || grantee === null || typeof grantee.grantPrincipal !== "object") {
    v.fail(
      "grantee",
      grantee,
      "is not a grantee",
      "a ContainerService or serviceAccountGrantee(name, email)",
    );
  }
  const member = grantee.grantPrincipal.member;
  v.required("grantee", member, "an IAM member in grantPrincipal.member");
  const known = knownValue(member);
  return {
    granteeName: grantee.granteeName,
    member:
      known !== undefined ? checkMember(v, known) : pulumi.output(member).apply((m) => checkMember(v, m)),
  };
}

/** One component's grants: refuses the same grant twice and names each child from grantee and level. */
export class GcpGrants {
  private readonly ledger: GrantLedger;

  constructor(
    private readonly componentName: string,
    private readonly validator: () => Validator,
  ) {
    this.ledger = new GrantLedger(validator);
  }

  /** Claims the grant and hands `bind` the child name and the checked member. */
  attach<R>(
    grantee: GcpGrantee,
    level: AccessLevel,
    id: string | undefined,
    bind: (name: string, member: pulumi.Input<string>) => R,
  ): R {
    const g = resolveGcpGrantee(this.validator(), grantee);
    const grantId = this.ledger.claim(g.granteeName, level, id);
    return bind(childName(this.componentName, "grant", grantId), g.member);
  }
}
