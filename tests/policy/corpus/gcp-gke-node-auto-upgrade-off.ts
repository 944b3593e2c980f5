// Corpus: GKE node pool with auto-upgrade and auto-repair off.
import { CorpusEntry } from "../kit";
import { gkeNodePool } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE node pool with auto-upgrade and auto-repair off",
  expect: ["gcp-gke-node-auto-upgrade-repair"],
  program: () => {
    gkeNodePool("web", { management: { autoUpgrade: false, autoRepair: false } });
  },
};
