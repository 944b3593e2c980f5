// Corpus: k8s ingress without tls.
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import { CorpusEntry, LABELS } from "../kit";

// An Ingress routing a public host over plain HTTP.
export const entry: CorpusEntry = {
  description: "Ingress without spec.tls",
  expect: ["k8s-ingress-tls"],
  program: () => {
    new networkingv1.Ingress("shop", {
      metadata: { name: "shop", namespace: "apps", labels: LABELS },
      spec: {
        ingressClassName: "nginx",
        rules: [
          {
            host: "shop.example.com",
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "shop", port: { number: 8080 } } },
                },
              ],
            },
          },
        ],
      },
    });
  },
};
