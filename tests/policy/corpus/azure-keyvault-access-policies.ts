// Corpus: azure keyvault access policies.
import { CorpusEntry } from "../kit";
import { vault } from "../azure-kit";

// Key Vault with RBAC authorization left to the SDK's default (off).
export const entry: CorpusEntry = {
  description: "Key Vault with RBAC authorization left to the SDK's default (off)",
  expect: ["azure-keyvault-rbac"],
  program: () => {
    vault("secrets", { enableRbacAuthorization: undefined });
  },
};
