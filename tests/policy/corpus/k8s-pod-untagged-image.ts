// Corpus: k8s pod untagged image.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CorpusEntry, LABELS, container, podSpec } from "../kit";

// A bare Pod whose image has no tag at all (implicitly latest).
export const entry: CorpusEntry = {
  description: "Pod with an untagged image",
  expect: ["k8s-image-pinned"],
  program: () => {
    new corev1.Pod("debug", {
      metadata: { name: "debug", namespace: "apps", labels: LABELS },
      spec: podSpec({ containers: [container({ image: "registry.example.com:5000/tools/debug" })] }),
    });
  },
};
