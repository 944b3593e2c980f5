// Corpus: k8s configgroup cluster admin.
import { ConfigGroup } from "@pulumi/kubernetes/yaml";
import { CorpusEntry } from "../kit";

// Objects parsed from YAML in the program are checked like any other: a vendored manifest making a
// ServiceAccount cluster-admin.
const MANIFEST = `
apiVersion: v1
kind: ServiceAccount
metadata:
  name: agent
  namespace: monitoring
  labels: { environment: dev, app.kubernetes.io/managed-by: team, app.kubernetes.io/component: corpus }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent-admin
  labels: { environment: dev, app.kubernetes.io/managed-by: team, app.kubernetes.io/component: corpus }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
  - { kind: ServiceAccount, name: agent, namespace: monitoring }
`;

export const entry: CorpusEntry = {
  description: "yaml.ConfigGroup with a ClusterRoleBinding of cluster-admin to a ServiceAccount",
  expect: ["k8s-rbac-cluster-admin-binding"],
  program: () => {
    new ConfigGroup("agent", { yaml: MANIFEST });
  },
};
