// The Azure built-in roles Groundwork grants, by the id Azure gives them (the same in every tenant), and
// how a role definition id is written for a subscription.

/** Built-in role definition ids. */
export const AZURE_ROLES = {
  /** Get, wrap and unwrap with a key: what a service needs for customer-managed keys. */
  keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  /** Encrypt and decrypt with a key: what AKS KMS needs to encrypt etcd (it encrypts, it does not wrap). */
  keyVaultCryptoUser: "12338af0-0e69-4776-bea7-57ae8d297424",
  /** Manage a vault (not its data): what AKS KMS needs to make the private endpoint of a private vault. */
  keyVaultContributor: "f25e0fa2-a7c8-4377-a976-54943a77a395",
  /** Manage networks: what an AKS cluster's identity needs on the subnets it joins and delegates. */
  networkContributor: "4d97b98b-1d4f-4787-a291-c67834d212e7",
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
