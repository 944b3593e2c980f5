// Grants on AWS: each grant is one customer managed policy attached to the grantee's IAM role, children
// of the component that grants, named `<component>-grant-<granteeName>-<level>` (and `…-attachment`)
// unless the caller gives an id. Managed, not inline: a role's inline policies share 10,240 characters
// between them (facts/aws/limits.json `iam.rolePolicySize`), so a role with many grants hit the cap; a
// managed policy has 6,144 characters of its own, and a role takes 10 of them (20 with a quota raise).
import * as pulumi from "@pulumi/pulumi";
import * as iam from "@pulumi/aws/iam";
import {
  AccessLevel,
  Grantee,
  GrantLedger,
  Tags,
  Validator,
  childName,
  fittedNameArg,
  knownValue,
} from "../core";
import { perRun } from "../core/component";
import { IAM_ROLE_ARN, IAM_ROLE_NAME, roleNameOf } from "./arns";
import { awsLimit } from "./locations";
import { IAM_POLICY_NAME, autoNamed } from "./naming";

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
    // Say what is wrong with the form the value has: an ARN's wrong part, or a name's wrong length or character.
    const problem = value.startsWith("arn:")
      ? IAM_ROLE_ARN.problem(value)
      : `is not an IAM role name (${value.length === 0 || value.length > 64 ? `${value.length} characters` : "a character other than letters, digits and + = , . @ _ -"})`;
    v.fail("grantee", value, problem, IAM_ROLE_ARN.expected);
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

/** What one grant made: the managed policy and its attachment to the grantee's role. */
export interface AwsGrant {
  /** The customer managed policy, `<component>-grant-<id>`. */
  readonly policy: iam.Policy;
  /** Its attachment to the grantee's role, `<component>-grant-<id>-attachment`. */
  readonly attachment: iam.RolePolicyAttachment;
}

/**
 * Counts the grants each grantee takes in this program, every component together: past the role's
 * default quota of attached managed policies a warning names the quota to raise; past its maximum, the
 * grant is refused before anything registers (AWS would refuse the attachment at deploy time).
 */
function countGrant(v: Validator, granteeName: string): void {
  const counts = perRun("aws:grants-per-grantee", undefined, () => new Map<string, number>());
  const n = (counts.get(granteeName) ?? 0) + 1;
  counts.set(granteeName, n);
  const limit = awsLimit("iam.managedPoliciesPerRole");
  const maximum = limit.maximum ?? limit.value;
  if (n > maximum) {
    v.fail(
      "grantee",
      granteeName,
      `would take its ${n}th managed policy; a role takes at most ${maximum} (${limit.source})`,
      "fewer grants to this grantee (one grant per resource it needs), or a second role",
    );
  }
  if (n === limit.value + 1) {
    void pulumi.log.warn(
      `${granteeName}: more than ${limit.value} grants attach more than ${limit.value} managed policies to its ` +
        `role; raise the Service Quotas limit ${limit.quotaCode} (up to ${maximum}) in the account first`,
    );
  }
}

/** One component's grants: refuses the same grant twice and names each child from grantee and level. */
export class AwsGrants {
  private readonly ledger: GrantLedger;

  constructor(
    private readonly scope: pulumi.Resource,
    private readonly componentName: string,
    private readonly validator: () => Validator,
    private readonly tags: Tags,
  ) {
    this.ledger = new GrantLedger(validator);
  }

  /**
   * Makes `policy` a managed policy `<component>-grant-<id>` and attaches it to the grantee's role. The
   * grant that was an inline policy of the same name before 0.2.0 is replaced by it on the next `up`: the
   * new policy is attached before the inline one is deleted, so the role never loses the permission.
   */
  attach(
    grantee: GranteeLike,
    level: AccessLevel,
    id: string | undefined,
    policy: pulumi.Input<string>,
  ): AwsGrant {
    const v = this.validator();
    const g = resolveGrantee(v, grantee);
    const grantId = this.ledger.claim(g.granteeName, level, id);
    countGrant(v, g.granteeName);
    const name = childName(this.componentName, "grant", grantId);
    const managed = new iam.Policy(
      name,
      {
        ...fittedNameArg(
          "name",
          autoNamed("the grant policy", IAM_POLICY_NAME, `grant-${grantId}`),
          this.componentName,
        ),
        description: `Groundwork grant: ${level} on ${this.componentName} to ${g.granteeName}`,
        policy,
        tags: this.tags,
      },
      { parent: this.scope },
    );
    const attachment = new iam.RolePolicyAttachment(
      childName(name, "attachment"),
      { role: g.role, policyArn: managed.arn },
      { parent: this.scope },
    );
    return { policy: managed, attachment };
  }
}
