// Every EncryptionKey knob on Azure: prod, a shared resource group, quarterly rotation, a 4096-bit key,
// caller tags, and grants to a managed identity and to a principal from another stack.
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { EncryptionKey, principalGrantee } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const group = new ResourceGroup("platform", { location: "westeurope" });
  const key = new EncryptionKey("data", {
    environment: "prod",
    resourceGroup: group,
    rotationDays: 90,
    keySize: 4096,
    tags: { "data-class": "confidential" },
  });
  const worker = new UserAssignedIdentity("worker", {
    resourceGroupName: group.name,
    location: group.location,
  });
  // A raw identity's grant is named after it: `data-grant-worker-encrypt-decrypt`.
  key.grantEncryptDecrypt(worker);
  // A principal id from elsewhere, with a stable grantee name: `data-grant-backup-encrypt-decrypt`.
  key.grantEncryptDecrypt(principalGrantee("backup", "11111111-2222-3333-4444-555555555555"));
  return { vaultId: key.vaultId, keyId: key.keyId };
}
