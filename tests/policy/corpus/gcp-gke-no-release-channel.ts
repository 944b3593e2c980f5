// Corpus: GKE cluster on no release channel.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster on no release channel",
  expect: ["gcp-gke-release-channel"],
  program: () => {
    gkeCluster("apps", { releaseChannel: undefined, minMasterVersion: "1.33" });
  },
};
