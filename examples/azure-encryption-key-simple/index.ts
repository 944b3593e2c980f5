// The smallest useful EncryptionKey on Azure: a closed, RBAC-governed, purge-protected Key Vault in a new
// resource group, holding an RSA key that rotates yearly and expires.
import { EncryptionKey } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("data", { location: "westeurope" });
  return { vaultUri: key.vaultUri, keyUri: key.keyUri };
}
