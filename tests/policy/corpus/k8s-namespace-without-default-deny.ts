// Corpus: k8s namespace without default deny.
import { CorpusEntry, namespace } from "../kit";

// Every pod can talk to every pod: no default-deny NetworkPolicy.
export const entry: CorpusEntry = {
  description: "Namespace without a default-deny NetworkPolicy",
  expect: ["k8s-namespace-default-deny"],
  program: () => {
    namespace("team-b", { defaultDeny: false });
  },
};
