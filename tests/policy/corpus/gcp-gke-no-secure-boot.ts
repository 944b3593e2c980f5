// Corpus: GKE node pool without secure boot (Shielded VM's default leaves it off).
import { CorpusEntry } from "../kit";
import { gkeNodePool } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE node pool without secure boot (Shielded VM's default leaves it off)",
  expect: ["gcp-gke-shielded-nodes"],
  program: () => {
    gkeNodePool("web", { nodeConfig: { shieldedInstanceConfig: undefined } });
  },
};
