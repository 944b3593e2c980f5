// Corpus: k8s rbac anonymous binding.
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import { CorpusEntry, LABELS } from "../kit";

// Read access for anyone who reaches the API server, signed in or not.
export const entry: CorpusEntry = {
  description: "RoleBinding of view to system:unauthenticated",
  expect: ["k8s-rbac-anonymous-binding"],
  program: () => {
    new rbacv1.RoleBinding("public-view", {
      metadata: { name: "public-view", namespace: "apps", labels: LABELS },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "Group", name: "system:unauthenticated", apiGroup: "rbac.authorization.k8s.io" }],
    });
  },
};
