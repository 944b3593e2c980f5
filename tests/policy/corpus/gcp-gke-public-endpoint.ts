// Corpus: GKE cluster with a public endpoint and no master authorized networks.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster with a public endpoint and no master authorized networks",
  expect: ["gcp-gke-endpoint-restricted"],
  program: () => {
    gkeCluster("main", {
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: false,
        masterIpv4CidrBlock: "172.16.0.0/28",
      },
    });
  },
};
