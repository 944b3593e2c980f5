// Corpus: azure keyvault network allow.
import { CorpusEntry } from "../kit";
import { vault } from "../azure-kit";

// Key Vault open to public networks (the SDK's default).
export const entry: CorpusEntry = {
  description: "Key Vault open to public networks (the SDK's default)",
  expect: ["azure-keyvault-network-deny"],
  program: () => {
    vault("secrets", { publicNetworkAccess: undefined, networkAcls: undefined });
  },
};
