// Corpus: k8s privileged container.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// A privileged container (full host access).
export const entry: CorpusEntry = {
  description: "Deployment with a privileged container",
  expect: ["k8s-no-privileged"],
  program: () => {
    deployment("agent", podSpec({ containers: [containerWithSecurity({ privileged: true })] }));
  },
};
