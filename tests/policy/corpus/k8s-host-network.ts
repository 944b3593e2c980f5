// Corpus: k8s host network.
import { CorpusEntry, deployment, podSpec } from "../kit";

// Pods sharing the node's network namespace.
export const entry: CorpusEntry = {
  description: "Deployment with hostNetwork",
  expect: ["k8s-no-host-access"],
  program: () => {
    deployment("proxy", podSpec({ hostNetwork: true }));
  },
};
