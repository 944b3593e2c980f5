// Corpus: GKE node pool running as the Compute Engine default service account.
import { CorpusEntry } from "../kit";
import { gkeNodePool } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE node pool running as the Compute Engine default service account",
  expect: ["gcp-gke-node-service-account"],
  program: () => {
    gkeNodePool("web", {
      nodeConfig: { serviceAccount: "123456789012-compute@developer.gserviceaccount.com" },
    });
  },
};
