// Corpus: k8s hostpath statefulset.
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import { CorpusEntry, LABELS, podSpec } from "../kit";

// A StatefulSet storing data on the node through hostPath.
export const entry: CorpusEntry = {
  description: "StatefulSet with a hostPath volume",
  expect: ["k8s-no-host-path"],
  program: () => {
    const labels = { ...LABELS, "app.kubernetes.io/name": "cache" };
    new appsv1.StatefulSet("cache", {
      metadata: { name: "cache", namespace: "apps", labels },
      spec: {
        serviceName: "cache",
        selector: { matchLabels: { "app.kubernetes.io/name": "cache" } },
        template: {
          metadata: { labels },
          spec: podSpec({ volumes: [{ name: "data", hostPath: { path: "/var/cache" } }] }),
        },
      },
    });
  },
};
