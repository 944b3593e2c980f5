// Corpus: azure key without expiry.
import { CorpusEntry } from "../kit";
import { vaultKey } from "../azure-kit";

// Key Vault key without an expiry date.
export const entry: CorpusEntry = {
  description: "Key Vault key without an expiry date",
  expect: ["azure-keyvault-key-expiry"],
  program: () => {
    vaultKey("cmk", { attributes: { enabled: true } });
  },
};
