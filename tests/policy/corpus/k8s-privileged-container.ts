// Corpus: k8s privileged container.
import { CorpusEntry, container, deployment, podSpec } from "../kit";

// A privileged container (full host access).
export const entry: CorpusEntry = {
  description: "Deployment with a privileged container",
  expect: ["k8s-no-privileged"],
  program: () => {
    const c = container();
    deployment(
      "agent",
      podSpec({
        containers: [{ ...c, securityContext: { ...(c.securityContext as object), privileged: true } }],
      }),
    );
  },
};
