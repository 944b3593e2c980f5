// Grants on AWS: the grantee's IAM role gets one inline policy per grant, a child of the component that
// grants, named `<component>-grant-<granteeName>-<level>` unless the caller gives an id.
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import { AccessLevel, Grantee, GrantLedger, Validator, childName, knownValue } from "../core";
import { IAM_ROLE_ARN, IAM_ROLE_NAME, roleNameOf } from "./arns";

/** What an AWS grant attaches to: one IAM role, by name or ARN. */
export interface AwsPrincipal {
  readonly role: pulumi.Input<string>;
}

/** A grantee on AWS. A `ContainerService` is one: its task role, named after the service. */
export type AwsGrantee = Grantee<AwsPrincipal>;

/**
 * What the `grant…` methods accept: a grantee, or a raw `iam.Role`, whose grants are named after its
 * Pulumi resource name.
 */
export type GranteeLike = AwsGrantee | iam.Role;

/**
 * A grantee for a role given by name or ARN (from another stack, say). `granteeName` names the grant's
 * children: keep it stable.
 */
export function roleGrantee(granteeName: string, role: pulumi.Input<string>): AwsGrantee {
  return { granteeName, grantPrincipal: { role } };
}

/** The Pulumi resource name of a resource (the SDK keeps it internal). */
function resourceNameOf(resource: pulumi.Resource): string | undefined {
  return (resource as unknown as { __name?: string }).__name;
}

/** Refuses anything but a role name or role ARN; runs again when an Output resolves. */
function checkRole(v: Validator, value: string): string {
  if (!IAM_ROLE_ARN.pattern.test(value) && !IAM_ROLE_NAME.test(value)) {
    v.fail("grantee", value, "is not an IAM role", IAM_ROLE_ARN.expected);
  }
  return roleNameOf(value);
}

/** A grantee reduced to its name and the role name input a `RolePolicy` takes. */
export function resolveGrantee(
  v: Validator,
  grantee: GranteeLike,
): { granteeName: string; role: pulumi.Input<string> } {
  if (iam.Role.isInstance(grantee)) {
    return { granteeName: resourceNameOf(grantee) ?? "", role: grantee.name };
  }
  if (typeof grantee !== "object" || grantee === null || typeof grantee.grantPrincipal !== "object") {
    v.fail(
      "grantee",
      grantee,
      "is not a grantee",
      "an iam.Role, a ContainerService or roleGrantee(name, arn)",
    );
  }
  const role = grantee.grantPrincipal.role;
  v.required("grantee", role, "a role name or ARN in grantPrincipal.role");
  const known = knownValue(role);
  return {
    granteeName: grantee.granteeName,
    role: known !== undefined ? checkRole(v, known) : pulumi.output(role).apply((r) => checkRole(v, r)),
  };
}

/** One component's grants: refuses the same grant twice and names each child from grantee and level. */
export class AwsGrants {
  private readonly ledger: GrantLedger;

  constructor(
    private readonly scope: pulumi.Resource,
    private readonly componentName: string,
    private readonly validator: () => Validator,
  ) {
    this.ledger = new GrantLedger(validator);
  }

  /** Attaches `policy` to the grantee's role as `<component>-grant-<id>`. */
  attach(
    grantee: GranteeLike,
    level: AccessLevel,
    id: string | undefined,
    policy: pulumi.Input<string>,
  ): iam.RolePolicy {
    const g = resolveGrantee(this.validator(), grantee);
    const grantId = this.ledger.claim(g.granteeName, level, id);
    return new iam.RolePolicy(
      childName(this.componentName, "grant", grantId),
      { role: g.role, policy },
      { parent: this.scope },
    );
  }
}
