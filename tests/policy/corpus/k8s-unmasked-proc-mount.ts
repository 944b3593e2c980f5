// Corpus: k8s unmasked proc mount.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// A container seeing the node's unmasked /proc.
export const entry: CorpusEntry = {
  description: "Container with procMount Unmasked",
  expect: ["k8s-default-proc-mount"],
  program: () => {
    deployment("web", podSpec({ containers: [containerWithSecurity({ procMount: "Unmasked" })] }));
  },
};
