// Corpus: azure keyvault no purge protection.
import { CorpusEntry } from "../kit";
import { vault } from "../azure-kit";

// Key Vault without purge protection.
export const entry: CorpusEntry = {
  description: "Key Vault without purge protection",
  expect: ["azure-keyvault-purge-protection"],
  program: () => {
    vault("secrets", { enablePurgeProtection: false });
  },
};
