// Corpus: k8s rbac cluster admin service account.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import { CorpusEntry, LABELS } from "../kit";

// A CI ServiceAccount made cluster-admin.
export const entry: CorpusEntry = {
  description: "ClusterRoleBinding of cluster-admin to a ServiceAccount",
  expect: ["k8s-rbac-cluster-admin-binding"],
  program: () => {
    const sa = new corev1.ServiceAccount("ci", {
      metadata: { name: "ci", namespace: "apps", labels: LABELS },
    });
    new rbacv1.ClusterRoleBinding("ci-admin", {
      metadata: { labels: LABELS },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ kind: "ServiceAccount", name: sa.metadata.name, namespace: "apps" }],
    });
  },
};
