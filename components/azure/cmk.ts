// A customer-managed key for an Azure component: the EncryptionKey given or one created as `<name>-key`,
// and the user-assigned identity `<name>-identity` the service reads it with, granted before the service
// exists (Azure refuses a key the identity cannot yet use).
import * as pulumi from "@pulumi/pulumi";
import { RoleAssignment } from "@pulumi/azure-native/authorization";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { Tags, childName } from "../core";
import { EncryptionKey } from "./encryption-key";
import { identityGrantee } from "./grants";

/** What a component with a customer-managed key resolved. */
export interface CmkSettings {
  readonly encryptionKey: EncryptionKey | undefined;
  readonly profile: { readonly environment: "dev" | "staging" | "prod" };
  readonly callerTags: Tags | undefined;
  readonly tags: Tags;
  readonly protect: boolean;
}

/** The key, the identity and its grant on the key, which the service must wait for. */
export interface Cmk {
  readonly key: EncryptionKey;
  /** The key this call created; undefined when the caller gave one. */
  readonly created: EncryptionKey | undefined;
  readonly identity: UserAssignedIdentity;
  readonly grants: RoleAssignment[];
}

/** Creates (or takes) the key and the identity, and grants the identity the key. */
export function wireCmk(
  scope: pulumi.Resource,
  name: string,
  r: CmkSettings,
  where: { resourceGroupName: pulumi.Output<string>; location: pulumi.Output<string> },
  logWorkspaceId: pulumi.Input<string>,
): Cmk {
  const key =
    r.encryptionKey ??
    new EncryptionKey(
      childName(name, "key"),
      {
        environment: r.profile.environment,
        tags: r.callerTags,
        resourceGroup: where.resourceGroupName,
        location: where.location,
        protect: r.protect,
        // The vault's audit logs go where the consumer's diagnostics go.
        logWorkspaceId,
      },
      { parent: scope },
    );
  // Protected with the data: a replaced identity is a new principal the service is not yet bound to.
  const identity = new UserAssignedIdentity(
    childName(name, "identity"),
    { resourceGroupName: where.resourceGroupName, location: where.location, tags: r.tags },
    { parent: scope, protect: r.protect },
  );
  const grantee = identityGrantee(name, identity);
  const grants = [key.grantEncryptDecrypt(grantee)];
  return { key, created: r.encryptionKey ? undefined : key, identity, grants };
}
