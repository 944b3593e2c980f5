// Corpus: k8s service loadbalancer.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CorpusEntry, LABELS } from "../kit";

// A Service exposed through a cloud load balancer without anyone asking for it.
export const entry: CorpusEntry = {
  description: "Service of type LoadBalancer",
  expect: ["k8s-service-type"],
  program: () => {
    new corev1.Service("web", {
      metadata: { name: "web", namespace: "apps", labels: LABELS },
      spec: {
        type: "LoadBalancer",
        selector: { "app.kubernetes.io/name": "web" },
        ports: [{ port: 443, targetPort: 8443 }],
      },
    });
  },
};
