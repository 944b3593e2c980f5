// Corpus: GKE cluster whose nodes get public IP addresses.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster whose nodes get public IP addresses",
  expect: ["gcp-gke-private-nodes"],
  program: () => {
    gkeCluster("apps", { privateClusterConfig: { enablePrivateNodes: false, enablePrivateEndpoint: true } });
  },
};
