// Corpus: k8s rbac role bind verb.
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import { CorpusEntry, LABELS } from "../kit";

// A Role that lets its holder bind any role in the namespace to itself.
export const entry: CorpusEntry = {
  description: "Role granting bind on roles",
  expect: ["k8s-rbac-escalation-verbs"],
  program: () => {
    new rbacv1.Role("deployer", {
      metadata: { name: "deployer", namespace: "apps", labels: LABELS },
      rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["get", "bind"] }],
    });
  },
};
