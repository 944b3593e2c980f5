// Corpus: k8s prod single replica.
import { CorpusEntry, deployment, podSpec } from "../kit";

// A prod Deployment with one replica and no zone spread: one node drain takes the service down.
export const entry: CorpusEntry = {
  description: "single-replica Deployment in prod",
  expect: ["k8s-workload-availability"],
  stack: "prod",
  program: () => {
    deployment("checkout", podSpec(), 1);
  },
};
