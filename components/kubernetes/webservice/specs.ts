// The specs of a WebService's children, derived from the resolved arguments alone: pure functions, so the
// constructor only names children and wires their references to each other.
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { rollingDeploymentSpec, workloadMetadata } from "../workload/base";
import { ResolvedWebService } from "./args";

/** Metadata every object carries: named after the component, in the checked namespace. */
export const objectMetadata: (r: ResolvedWebService) => k8s.meta.v1.ObjectMeta = workloadMetadata;

/** The Deployment: a surge-only rolling update of the hardened pod, running as `serviceAccountName`. */
export function deploymentSpec(
  r: ResolvedWebService,
  serviceAccountName: pulumi.Input<string>,
): k8s.apps.v1.DeploymentSpec {
  return rollingDeploymentSpec(r, serviceAccountName);
}

/** The ClusterIP Service on the main container's named port. */
export function serviceSpec(r: ResolvedWebService): k8s.core.v1.ServiceSpec {
  return {
    type: "ClusterIP",
    selector: r.selector,
    ports: [{ name: "http", port: r.servicePort, targetPort: "http", protocol: "TCP" }],
  };
}

/** With a single replica (dev) a minAvailable budget would block every node drain; one pod may go. */
export function disruptionBudgetSpec(r: ResolvedWebService): k8s.policy.v1.PodDisruptionBudgetSpec {
  return {
    selector: { matchLabels: r.selector },
    ...(r.minReplicas >= 2 ? { minAvailable: r.minReplicas - 1 } : { maxUnavailable: 1 }),
  };
}

/** The HPA on CPU utilisation, between the resolved replica bounds. */
export function autoscalerSpec(
  r: ResolvedWebService,
  deploymentName: pulumi.Input<string>,
): k8s.autoscaling.v2.HorizontalPodAutoscalerSpec {
  return {
    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deploymentName },
    minReplicas: r.minReplicas,
    maxReplicas: r.maxReplicas,
    metrics: [
      {
        type: "Resource",
        resource: {
          name: "cpu",
          target: { type: "Utilization", averageUtilization: r.targetCpuUtilization },
        },
      },
    ],
  };
}

/** Ingress to the pods from the admitted callers only, on the main port; no named caller admits nothing. */
export function networkPolicySpec(r: ResolvedWebService): k8s.networking.v1.NetworkPolicySpec {
  return {
    podSelector: { matchLabels: r.selector },
    policyTypes: ["Ingress"],
    ingress:
      r.allowFrom.length > 0 ? [{ from: r.allowFrom, ports: [{ protocol: "TCP", port: r.mainPort }] }] : [],
  };
}

/** The TLS-only Ingress: plain HTTP is redirected, never served. Only called when an Ingress is asked for. */
export function ingressArgs(
  r: ResolvedWebService,
  serviceName: pulumi.Input<string>,
): { metadata: k8s.meta.v1.ObjectMeta; spec: k8s.networking.v1.IngressSpec } {
  const ingress = r.ingress!;
  return {
    metadata: {
      ...objectMetadata(r),
      annotations: {
        ...r.annotations,
        "nginx.ingress.kubernetes.io/ssl-redirect": "true",
        "nginx.ingress.kubernetes.io/force-ssl-redirect": "true",
      },
    },
    spec: {
      ingressClassName: ingress.className,
      tls: [{ hosts: [ingress.host], secretName: ingress.tlsSecretName }],
      rules: [
        {
          host: ingress.host,
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: serviceName, port: { name: "http" } } },
              },
            ],
          },
        },
      ],
    },
  };
}

/** The cert-manager Certificate for the Ingress host, into the Secret the Ingress names. Only with an issuer. */
export function certificateArgs(r: ResolvedWebService): {
  apiVersion: string;
  kind: string;
  metadata: k8s.meta.v1.ObjectMeta;
  spec: Record<string, unknown>;
} {
  const ingress = r.ingress!;
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: objectMetadata(r),
    spec: {
      secretName: ingress.tlsSecretName,
      dnsNames: [ingress.host],
      issuerRef: { name: ingress.certificateIssuer, kind: "ClusterIssuer", group: "cert-manager.io" },
      // A new key with every renewal (the default only from cert-manager 1.18).
      privateKey: { rotationPolicy: "Always" },
    },
  };
}
