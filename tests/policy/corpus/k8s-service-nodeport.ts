// Corpus: k8s service nodeport.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CorpusEntry, LABELS } from "../kit";

// A Service opening a port on every node of the cluster.
export const entry: CorpusEntry = {
  description: "Service of type NodePort",
  expect: ["k8s-service-type"],
  program: () => {
    new corev1.Service("admin", {
      metadata: { name: "admin", namespace: "apps", labels: LABELS },
      spec: {
        type: "NodePort",
        selector: { "app.kubernetes.io/name": "admin" },
        ports: [{ port: 8080, nodePort: 30080 }],
      },
    });
  },
};
