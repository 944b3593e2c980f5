// Grants on Azure: one role assignment per grant, a child of the component that grants, named
// `<component>-grant-<granteeName>-<level>` unless the caller gives an id. The principal type is always
// explicit: the SDK's client-side default is "User", which Azure refuses for a managed identity
// (`UnmatchedPrincipalType`).
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { AccessLevel, Grantee, GrantLedger, Validator, childName } from "../core";
import { azureContext } from "./common";
import { roleDefinitionId } from "./roles";

/** The principal types a role assignment names. */
export const PRINCIPAL_TYPES = ["ServicePrincipal", "User", "Group"] as const;

/** What an Azure grant assigns a role to: an Entra principal (object) id and its type. */
export interface AzurePrincipal {
  readonly principalId: pulumi.Input<string>;
  /**
   * The principal's type. Managed identities are service principals.
   * @default "ServicePrincipal"
   */
  readonly principalType?: (typeof PRINCIPAL_TYPES)[number];
}

/** A grantee on Azure. A `ContainerService` is one: its user-assigned identity, named after the service. */
export type AzureGrantee = Grantee<AzurePrincipal>;

/**
 * What the `grant…` methods accept: a grantee, or a raw user-assigned identity, whose grants are named
 * after its Pulumi resource name.
 */
export type GranteeLike = AzureGrantee | UserAssignedIdentity;

/**
 * A grantee for a principal given by id (from another stack, say). `granteeName` names the grant's
 * children: keep it stable.
 */
export function principalGrantee(
  granteeName: string,
  principalId: pulumi.Input<string>,
  principalType: AzurePrincipal["principalType"] = "ServicePrincipal",
): AzureGrantee {
  return { granteeName, grantPrincipal: { principalId, principalType } };
}

/** A user-assigned identity as a grantee named `granteeName`. */
export function identityGrantee(granteeName: string, identity: UserAssignedIdentity): AzureGrantee {
  return principalGrantee(granteeName, identity.principalId);
}

/** The Pulumi resource name of a resource (the SDK keeps it internal). */
function resourceNameOf(resource: pulumi.Resource): string {
  return (resource as unknown as { __name?: string }).__name ?? "";
}

/** A grantee reduced to its name, principal id and type; throws on anything that is not a grantee. */
export function resolveGrantee(
  v: Validator,
  grantee: GranteeLike,
): { granteeName: string; principalId: pulumi.Input<string>; principalType: string } {
  if (grantee instanceof UserAssignedIdentity) return identityResolved(resourceNameOf(grantee), grantee);
  const expected = "a UserAssignedIdentity, a ContainerService or principalGrantee(name, principalId)";
  if (typeof grantee !== "object" || grantee === null || typeof grantee.grantPrincipal !== "object")
    v.fail("grantee", grantee, "is not a grantee", expected);
  const p = grantee.grantPrincipal;
  v.required("grantee", p.principalId, "a principal id in grantPrincipal.principalId");
  v.stringInput("grantee", p.principalId, "a principal (object) id");
  const principalType = v.oneOf("principalType", p.principalType, PRINCIPAL_TYPES, "ServicePrincipal");
  return { granteeName: grantee.granteeName, principalId: p.principalId, principalType };
}

function identityResolved(granteeName: string, identity: UserAssignedIdentity) {
  return { granteeName, principalId: identity.principalId, principalType: "ServicePrincipal" };
}

/**
 * One component's grants: the ledger refuses the same grant twice and names each child from grantee and
 * level; `assign` makes the role assignment.
 */
export class AzureGrants extends GrantLedger {
  constructor(
    private readonly scope: pulumi.Resource,
    private readonly componentName: string,
    private readonly check: () => Validator,
  ) {
    super(check);
  }

  /** Assigns the built-in role `roleId` on `target` (a resource id) to the grantee, as `<component>-grant-<id>`. */
  assign(
    grantee: GranteeLike,
    level: AccessLevel,
    id: string | undefined,
    target: pulumi.Input<string>,
    roleId: string,
  ): RoleAssignment {
    const g = resolveGrantee(this.check(), grantee);
    const roleDefinition = azureContext(this.scope).apply((c) => roleDefinitionId(c.subscriptionId, roleId));
    return new RoleAssignment(
      childName(this.componentName, "grant", this.claim(g.granteeName, level, id)),
      {
        principalId: g.principalId,
        principalType: g.principalType,
        roleDefinitionId: roleDefinition,
        scope: target,
      },
      { parent: this.scope },
    );
  }
}
