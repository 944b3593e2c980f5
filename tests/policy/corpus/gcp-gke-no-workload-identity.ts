// Corpus: GKE cluster without Workload Identity.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster without Workload Identity",
  expect: ["gcp-gke-workload-identity"],
  program: () => {
    gkeCluster("main", { workloadIdentityConfig: undefined });
  },
};
