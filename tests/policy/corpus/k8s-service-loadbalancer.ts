// Corpus: k8s service loadbalancer.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CorpusEntry, LABELS } from "../kit";

// A Service exposed through a public cloud load balancer: no internal annotation (advisory).
export const entry: CorpusEntry = {
  description: "Service of type LoadBalancer without an internal annotation",
  expect: ["k8s-service-public-load-balancer"],
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
