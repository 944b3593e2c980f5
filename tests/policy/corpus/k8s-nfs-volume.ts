// Corpus: k8s nfs volume.
import { CorpusEntry, deployment, podSpec } from "../kit";

// A pod mounting an NFS export directly instead of through a PersistentVolumeClaim.
export const entry: CorpusEntry = {
  description: "Pod mounting an NFS volume directly",
  expect: ["k8s-restricted-volume-types"],
  program: () => {
    deployment(
      "reports",
      podSpec({ volumes: [{ name: "share", nfs: { server: "10.0.0.5", path: "/exports" } }] }),
    );
  },
};
