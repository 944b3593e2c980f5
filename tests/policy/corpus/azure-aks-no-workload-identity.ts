// Corpus: azure aks no workload identity.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster with the OIDC issuer but no workload identity: pods fall back to the node's identity.
export const entry: CorpusEntry = {
  description: "AKS cluster without workload identity",
  expect: ["azure-aks-workload-identity"],
  program: () => {
    aksCluster("main", {
      securityProfile: {
        azureKeyVaultKms: {
          enabled: true,
          keyId: "https://kv-corpus.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef",
          keyVaultNetworkAccess: "Private",
          keyVaultResourceId:
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-corpus/providers/Microsoft.KeyVault/vaults/kv-corpus",
        },
      },
    });
  },
};
