// Corpus: GKE node pool exposing the node's metadata server to pods.
import { CorpusEntry } from "../kit";
import { gkeNodePool } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE node pool exposing the node's metadata server to pods",
  expect: ["gcp-gke-metadata-server"],
  program: () => {
    gkeNodePool("web", { nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } } });
  },
};
