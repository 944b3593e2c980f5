// Service exposure: workloads are reached through ClusterIP Services behind an Ingress or Gateway.
import type { ServiceArgs } from "@pulumi/kubernetes/core/v1";
import { ResourceRule } from "../../runtime";
import { onInputs, record } from "../../runtime/props";

const SERVICE = ["kubernetes:core/v1:Service"];

export const serviceRules: ResourceRule[] = [
  {
    name: "k8s-service-type",
    area: "kubernetes",
    severity: "high",
    description:
      "Services are ClusterIP; NodePort and LoadBalancer expose workloads and need a waiver that names the reason.",
    remediationSteps: "Use `type: ClusterIP` behind an Ingress/Gateway, or add a waiver for this Service.",
    references: ["Groundwork BASELINE no public exposure"],
    validateResource: onInputs<ServiceArgs>(SERVICE, (service, report) => {
      const type = record(service.spec).type ?? "ClusterIP";
      if (type === "NodePort" || type === "LoadBalancer") report(`Service type is ${String(type)}`);
    }),
  },
];
