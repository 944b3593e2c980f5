// Corpus: k8s namespace without pss.
import { CorpusEntry, namespace } from "../kit";

// A namespace that only warns instead of enforcing the restricted profile.
export const entry: CorpusEntry = {
  description: "Namespace with enforce=baseline",
  expect: ["k8s-namespace-restricted"],
  program: () => {
    namespace("team-a", { pss: "baseline" });
  },
};
