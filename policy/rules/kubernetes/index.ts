// Every Kubernetes rule (BASELINE.md, Kubernetes section) over raw @pulumi/kubernetes objects, in the
// order the pack lists them. Adding an area: a file here and a line below.
import { GroundworkPolicy, resourcePolicy } from "../../runtime";
import { podSecurityRules } from "./pod-security";
import { workloadRules, workloadStackPolicies } from "./workload";
import { metadataRules } from "./metadata";
import { namespaceRules, namespaceStackPolicies } from "./namespace";
import { serviceRules } from "./service";
import { rbacRules } from "./rbac";

/** Every Kubernetes policy. */
export const kubernetesPolicies: GroundworkPolicy[] = [
  ...[
    ...podSecurityRules,
    ...workloadRules,
    ...metadataRules,
    ...namespaceRules,
    ...serviceRules,
    ...rbacRules,
  ].map(resourcePolicy),
  ...namespaceStackPolicies,
  ...workloadStackPolicies,
];
