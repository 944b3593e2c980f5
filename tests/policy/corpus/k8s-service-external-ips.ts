// Corpus: k8s service external ips.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CorpusEntry, LABELS } from "../kit";

// A ClusterIP Service claiming an external address, which the cluster would intercept (CVE-2020-8554).
export const entry: CorpusEntry = {
  description: "Service with externalIPs",
  expect: ["k8s-service-external-ips"],
  program: () => {
    new corev1.Service("metrics", {
      metadata: { name: "metrics", namespace: "apps", labels: LABELS },
      spec: { externalIPs: ["203.0.113.10"], selector: { app: "metrics" }, ports: [{ port: 9090 }] },
    });
  },
};
