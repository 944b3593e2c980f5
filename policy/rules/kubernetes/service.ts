// Exposure: workloads are reached through ClusterIP Services behind an Ingress or Gateway that serves
// TLS; NodePort opens a port on every node, and a LoadBalancer is public unless marked internal.
import type { ServiceArgs } from "@pulumi/kubernetes/core/v1";
import type { IngressArgs } from "@pulumi/kubernetes/networking/v1";
import { ResourceRule } from "../../runtime";
import { onInputs, record, records, strings } from "../../runtime/props";
import { namespaceOf } from "./scope";

const SERVICE = ["kubernetes:core/v1:Service"];
const INGRESS = [
  "kubernetes:networking.k8s.io/v1:Ingress",
  "kubernetes:networking.k8s.io/v1beta1:Ingress",
  "kubernetes:extensions/v1beta1:Ingress",
];

/** The annotations each cloud reads to provision an internal load balancer, and the value that asks for one. */
export const INTERNAL_LB_ANNOTATIONS: Record<string, string> = {
  "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
  "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
  "networking.gke.io/load-balancer-type": "Internal",
  "cloud.google.com/load-balancer-type": "Internal",
  "service.beta.kubernetes.io/azure-load-balancer-internal": "true",
};

/** True when `host` is served by a TLS entry for `pattern` (`*.example.com` covers one label). */
function covers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith("*.")) return false;
  const rest = host.split(".").slice(1).join(".");
  return host.includes(".") && rest === pattern.slice(2);
}

export const serviceRules: ResourceRule[] = [
  {
    name: "k8s-service-type",
    area: "kubernetes",
    severity: "high",
    description:
      "Services are not of type NodePort, which opens the port on every node of the cluster, outside any Ingress.",
    remediationSteps:
      "Use `type: ClusterIP` behind an Ingress or Gateway; list a namespace that must use NodePort in `allowedNodePortNamespaces`.",
    references: ["Groundwork BASELINE no public exposure", "NSA/CISA Kubernetes Hardening Guide"],
    configSchema: {
      properties: {
        allowedNodePortNamespaces: {
          type: "array",
          items: { type: "string" },
          default: [],
          description: "Namespaces whose Services may be of type NodePort.",
        },
      },
    },
    validateResource: onInputs<ServiceArgs>(SERVICE, (service, report, args) => {
      if (record(service.spec).type !== "NodePort") return;
      const allowed =
        args.getConfig<{ allowedNodePortNamespaces?: string[] }>().allowedNodePortNamespaces ?? [];
      // The namespace is read only when some are allowed: in preview it is often a Namespace's unknown name.
      if (allowed.length > 0 && allowed.includes(String(namespaceOf(args) ?? "default"))) return;
      report("Service type is NodePort");
    }),
  },
  {
    name: "k8s-service-external-ips",
    area: "kubernetes",
    severity: "high",
    description:
      "Services set no `externalIPs`: any IP named there is intercepted cluster-wide (CVE-2020-8554).",
    remediationSteps:
      "Remove `spec.externalIPs`; expose the Service through a LoadBalancer or an Ingress, and deny the field at admission.",
    references: ["CVE-2020-8554", "CIS Kubernetes 1.2.3"],
    validateResource: onInputs<ServiceArgs>(SERVICE, (service, report) => {
      const ips = strings(record(service.spec).externalIPs);
      if (ips.length > 0) report(`Service claims externalIPs ${ips.join(", ")}`);
    }),
  },
  {
    name: "k8s-service-public-load-balancer",
    area: "kubernetes",
    severity: "medium",
    description:
      "Services of type LoadBalancer carry their cloud's internal annotation; without one the load balancer is public.",
    remediationSteps:
      "Add the internal annotation (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`), or expose the " +
      "workload through an Ingress that serves TLS; waive a Service that is public by design.",
    references: ["Groundwork BASELINE no public exposure"],
    configSchema: {
      properties: {
        internalAnnotations: {
          type: "object",
          additionalProperties: { type: "string" },
          default: INTERNAL_LB_ANNOTATIONS,
          description:
            "Annotation keys that make a load balancer internal, each with the value that does so.",
        },
      },
    },
    validateResource: onInputs<ServiceArgs>(SERVICE, (service, report, args) => {
      if (record(service.spec).type !== "LoadBalancer") return;
      const internal =
        args.getConfig<{ internalAnnotations?: Record<string, string> }>().internalAnnotations ??
        INTERNAL_LB_ANNOTATIONS;
      const annotations = record(record(service.metadata).annotations);
      const marked = Object.entries(internal).some(
        ([k, v]) => k in annotations && String(annotations[k]).toLowerCase() === v.toLowerCase(),
      );
      if (!marked)
        report("Service of type LoadBalancer has no internal annotation: its load balancer is public");
    }),
  },
  {
    name: "k8s-ingress-tls",
    area: "kubernetes",
    severity: "high",
    description:
      "Ingresses serve TLS for every host they route (a `spec.tls` entry covering each rule's host).",
    remediationSteps:
      "Add `spec.tls` with the hosts and the Secret holding their certificate; list an annotation in " +
      "`externalTlsAnnotations` when a load balancer in front terminates TLS instead.",
    references: ["NSA/CISA Kubernetes Hardening Guide", "Groundwork BASELINE transit"],
    configSchema: {
      properties: {
        externalTlsAnnotations: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            "Annotation keys whose presence says TLS terminates in front of the Ingress (e.g. alb.ingress.kubernetes.io/certificate-arn).",
        },
      },
    },
    validateResource: onInputs<IngressArgs>(INGRESS, (ingress, report, args) => {
      const external = args.getConfig<{ externalTlsAnnotations?: string[] }>().externalTlsAnnotations ?? [];
      const annotations = record(record(ingress.metadata).annotations);
      if (external.some((k) => k in annotations)) return;
      const spec = record(ingress.spec);
      const tls = records(spec.tls);
      if (tls.length === 0) return report("spec.tls is empty: the Ingress serves plain HTTP");
      // A TLS entry without hosts serves the controller's default certificate for every host.
      if (tls.some((t) => strings(t.hosts).length === 0)) return;
      const patterns = tls.flatMap((t) => strings(t.hosts));
      for (const rule of records(spec.rules)) {
        const host = rule.host === undefined ? undefined : String(rule.host);
        if (host === undefined) report("a rule without a host is served without TLS");
        else if (!patterns.some((p) => covers(p, host))) report(`host "${host}" has no spec.tls entry`);
      }
    }),
  },
];
