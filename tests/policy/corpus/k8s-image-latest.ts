// Corpus: k8s image latest.
import { CorpusEntry, container, deployment, podSpec } from "../kit";

// An image that changes under the deployment's feet.
export const entry: CorpusEntry = {
  description: "container image :latest",
  expect: ["k8s-image-pinned"],
  program: () => {
    deployment("web", podSpec({ containers: [container({ image: "nginx:latest" })] }));
  },
};
