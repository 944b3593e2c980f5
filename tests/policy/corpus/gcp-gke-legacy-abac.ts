// Corpus: GKE cluster with legacy ABAC authorization.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster with legacy ABAC authorization",
  expect: ["gcp-gke-no-legacy-abac"],
  program: () => {
    gkeCluster("main", { enableLegacyAbac: true });
  },
};
