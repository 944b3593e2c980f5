// Corpus: k8s network policy allow-all egress.
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import { CorpusEntry, LABELS } from "../kit";

// An "allow all egress" policy beside a default deny: every destination, the metadata service included.
export const entry: CorpusEntry = {
  description: "NetworkPolicy whose egress rule has no destination and no ports",
  expect: ["k8s-network-policy-egress-destination", "k8s-network-policy-metadata"],
  program: () => {
    new networkingv1.NetworkPolicy("allow-egress", {
      metadata: { name: "allow-egress", namespace: "apps", labels: LABELS },
      spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{}] },
    });
  },
};
