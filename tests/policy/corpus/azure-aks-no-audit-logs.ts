// Corpus: azure aks no audit logs.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster with no diagnostic setting: its API server's audit records are kept nowhere.
export const entry: CorpusEntry = {
  description: "AKS cluster without audit logs",
  expect: ["azure-aks-audit-logs"],
  program: () => {
    aksCluster("main", {}, false);
  },
};
