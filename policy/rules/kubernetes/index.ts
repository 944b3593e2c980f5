// Every Kubernetes rule (BASELINE.md, Kubernetes section) over raw @pulumi/kubernetes objects, in the
// order the pack lists them. Adding an area: a file here and a line below.
import { GroundworkPolicy, RuleBase, resourcePolicy } from "../../runtime";
import { podSecurityRules } from "./pod-security";
import { podStandardRules } from "./pod-standards";
import { workloadRules, workloadStackPolicies } from "./workload";
import { metadataRules } from "./metadata";
import { namespaceRules, namespaceStackPolicies } from "./namespace";
import { serviceRules } from "./service";
import { rbacRules } from "./rbac";
import { trafficRules } from "./traffic";

/** The rules of one file, grouped under `service` in the catalogue and the coverage view. */
function grouped<R extends RuleBase>(service: string, rules: readonly R[]): R[] {
  return rules.map((r) => ({ ...r, service }));
}

/** Every Kubernetes policy. */
export const kubernetesPolicies: GroundworkPolicy[] = [
  ...[
    ...grouped("Pod security", [...podSecurityRules, ...podStandardRules]),
    ...grouped("Workloads", workloadRules),
    ...grouped("Metadata", metadataRules),
    ...grouped("Namespaces", namespaceRules),
    ...grouped("Services and Ingress", serviceRules),
    ...grouped("RBAC", rbacRules),
    ...grouped("Egress and jobs", trafficRules),
  ].map(resourcePolicy),
  ...namespaceStackPolicies,
  ...workloadStackPolicies,
];
