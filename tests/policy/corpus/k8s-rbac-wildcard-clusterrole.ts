// Corpus: k8s rbac wildcard clusterrole.
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import { CorpusEntry, LABELS } from "../kit";

// An operator's ClusterRole granting every verb on every resource of its API group.
export const entry: CorpusEntry = {
  description: "ClusterRole with wildcard verbs and resources",
  expect: ["k8s-rbac-no-wildcard"],
  program: () => {
    new rbacv1.ClusterRole("operator", {
      metadata: { name: "operator", labels: LABELS },
      rules: [{ apiGroups: ["acme.io"], resources: ["*"], verbs: ["*"] }],
    });
  },
};
