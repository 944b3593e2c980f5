// Corpus: k8s runs as root.
import { CorpusEntry, containerWithSecurity, deployment, podSpec } from "../kit";

// runAsNonRoot dropped and UID 0 forced on the container.
export const entry: CorpusEntry = {
  description: "container running as UID 0",
  expect: ["k8s-run-as-non-root"],
  program: () => {
    deployment(
      "legacy",
      podSpec({
        securityContext: { seccompProfile: { type: "RuntimeDefault" } },
        containers: [containerWithSecurity({ runAsNonRoot: false, runAsUser: 0 })],
      }),
    );
  },
};
