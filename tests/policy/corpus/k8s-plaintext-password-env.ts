// Corpus: a Deployment with a literal password in its container env.
import { CorpusEntry, container, deployment, namespace, podSpec } from "../kit";

export const entry: CorpusEntry = {
  description: "Deployment env DB_PASSWORD with a literal value",
  expect: ["k8s-no-plaintext-secrets-in-env"],
  program: () => {
    namespace("apps");
    deployment(
      "api",
      podSpec({ containers: [container({ env: [{ name: "DB_PASSWORD", value: "hunter2" }] })] }),
    );
  },
};
