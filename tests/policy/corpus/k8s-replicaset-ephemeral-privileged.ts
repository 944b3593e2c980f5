// Corpus: k8s replicaset ephemeral privileged.
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import { CorpusEntry, LABELS, containerWithSecurity, podSpec } from "../kit";

// A bare ReplicaSet whose pod template carries a privileged ephemeral (debug) container.
export const entry: CorpusEntry = {
  description: "ReplicaSet with a privileged ephemeral container",
  expect: ["k8s-no-privileged"],
  program: () => {
    const labels = { ...LABELS, "app.kubernetes.io/name": "worker" };
    new appsv1.ReplicaSet("worker", {
      metadata: { name: "worker", namespace: "apps", labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "worker" } },
        template: {
          metadata: { labels },
          spec: podSpec({
            ephemeralContainers: [{ ...containerWithSecurity({ privileged: true }), name: "debug" }],
          }),
        },
      },
    });
  },
};
