// Corpus: GKE node pool that turns private nodes off for itself.
import { CorpusEntry } from "../kit";
import { gkeNodePool } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE node pool that turns private nodes off for itself",
  expect: ["gcp-gke-private-nodes"],
  program: () => {
    gkeNodePool("batch", { networkConfig: { enablePrivateNodes: false } });
  },
};
