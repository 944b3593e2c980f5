// The Azure built-in roles Groundwork grants, by the id Azure gives them (the same in every tenant), and
// how a role definition id is written for a subscription.

/** Built-in role definition ids. */
export const AZURE_ROLES = {
  /** Get, wrap and unwrap with a key: what a service needs for customer-managed keys. */
  keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  /** Read secret contents: what a Container App needs for its Key Vault secret references. */
  keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
  /** Pull images from a container registry: what a Container App's identity needs on its registry. */
  acrPull: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
  /** Read and list blobs and containers. */
  storageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  /** Read, write and delete blobs and containers. */
  storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
} as const;

/** The subscription-scoped id of a built-in role, as `RoleAssignment.roleDefinitionId` takes it. */
export function roleDefinitionId(subscriptionId: string, roleId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}
