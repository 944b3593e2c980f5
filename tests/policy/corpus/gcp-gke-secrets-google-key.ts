// Corpus: GKE cluster whose Secrets use a Google-managed key.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster without application-layer Secrets encryption",
  expect: ["gcp-gke-secrets-encryption"],
  program: () => {
    gkeCluster("apps", { databaseEncryption: undefined });
  },
};
