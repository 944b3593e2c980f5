// Corpus: GKE cluster with Binary Authorization disabled.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster with Binary Authorization disabled",
  expect: ["gcp-gke-binary-authorization"],
  program: () => {
    gkeCluster("apps", { binaryAuthorization: { evaluationMode: "DISABLED" } });
  },
};
