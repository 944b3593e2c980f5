// Corpus: azure containerapp insecure ingress.
import { CorpusEntry } from "../kit";
import { containerApp } from "../azure-kit";

// Container App with external ingress serving plain HTTP.
export const entry: CorpusEntry = {
  description: "Container App with external ingress serving plain HTTP",
  expect: ["azure-containerapp-https-only"],
  program: () => {
    containerApp("web", { external: true, allowInsecure: true });
  },
};
