// Corpus: azure aks public api.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster with a public API server and no authorized IP ranges.
export const entry: CorpusEntry = {
  description: "AKS cluster with a public API server and no authorized IP ranges",
  expect: ["azure-aks-api-server-restricted"],
  program: () => {
    aksCluster("main", { apiServerAccessProfile: { enablePrivateCluster: false } });
  },
};
