// Corpus: azure aks local entra.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster without Entra ID: local Kubernetes accounts are its only authentication.
export const entry: CorpusEntry = {
  description: "AKS cluster without Entra ID integration",
  expect: ["azure-aks-entra-azure-rbac"],
  program: () => {
    aksCluster("main", { aadProfile: undefined });
  },
};
