// Corpus: azure aks without rbac.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster with Kubernetes RBAC off.
export const entry: CorpusEntry = {
  description: "AKS cluster with Kubernetes RBAC off",
  expect: ["azure-aks-rbac"],
  program: () => {
    aksCluster("main", { enableRBAC: false });
  },
};
