// The NetworkPolicies a workload's egress makes: one egress policy selecting its pods, and for each
// workload it may call, an ingress policy in the callee's namespace admitting it (NetworkPolicies add up,
// so the callee's own policy and the namespace's default deny stay as they are).
import * as pulumi from "@pulumi/pulumi";
import { NetworkPolicy } from "@pulumi/kubernetes/networking/v1";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { childName } from "../../core/naming";
import { Tags } from "../../core/tags";
import { WorkloadIdentity } from "../egress";
import { ResolvedWorkload, workloadMetadata } from "./base";

/**
 * The workload's egress NetworkPolicy (`<name>-egress`), when it names any egress, and the admissions on
 * the workloads it calls. Returns the policy, or undefined when the workload reaches DNS only.
 */
export function egressPolicy(parent: pulumi.Resource, r: ResolvedWorkload): NetworkPolicy | undefined {
  if (r.egress.rules.length === 0) return undefined;
  const metadata = { ...workloadMetadata(r), name: childName(r.name, "egress") };
  const policy = new NetworkPolicy(
    childName(r.name, "egress"),
    {
      metadata,
      spec: { podSelector: { matchLabels: r.selector }, policyTypes: ["Egress"], egress: r.egress.rules },
    },
    { parent },
  );
  const caller: WorkloadIdentity = { name: r.name, selector: r.selector, namespace: r.namespace };
  for (const { target, port } of r.egress.admissions) target.admitFrom(caller, port);
  return policy;
}

/** What an admission policy needs to know about the callee. */
export interface Callee {
  readonly name: string;
  readonly selector: Tags;
  readonly namespace: pulumi.Input<string>;
  readonly metadata: k8s.meta.v1.ObjectMeta;
}

/**
 * An ingress NetworkPolicy in the callee's namespace admitting `caller`'s pods on `port`, named
 * `<callee>-from-<caller>`: a child of the callee, made when the caller is constructed.
 */
export function admissionPolicy(
  parent: pulumi.Resource,
  callee: Callee,
  caller: WorkloadIdentity,
  port: number,
): NetworkPolicy {
  const name = childName(callee.name, `from-${caller.name}`);
  return new NetworkPolicy(
    name,
    {
      metadata: { ...callee.metadata, name },
      spec: {
        podSelector: { matchLabels: callee.selector },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": caller.namespace } },
                podSelector: { matchLabels: { ...caller.selector } },
              },
            ],
            ports: [{ protocol: "TCP", port }],
          },
        ],
      },
    },
    { parent },
  );
}
