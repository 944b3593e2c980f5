// Corpus: azure key without rotation.
import { CorpusEntry } from "../kit";
import { vaultKey } from "../azure-kit";

// Key Vault key without a rotation policy.
export const entry: CorpusEntry = {
  description: "Key Vault key without a rotation policy",
  expect: ["azure-keyvault-key-rotation"],
  program: () => {
    vaultKey("cmk", { rotationPolicy: undefined });
  },
};
