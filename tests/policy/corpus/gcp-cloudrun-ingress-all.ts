// Corpus: Cloud Run service open to all internet traffic.
import { CorpusEntry } from "../kit";
import { runService } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud Run service open to all internet traffic",
  expect: ["gcp-cloudrun-ingress-restricted"],
  program: () => {
    runService("web", { ingress: "INGRESS_TRAFFIC_ALL" });
  },
};
