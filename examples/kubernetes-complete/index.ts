// Every knob: an explicit cluster provider, the prod profile, a main container with a sidecar and an init
// container, secrets and config as files, named callers, and a TLS-only Ingress.
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Namespace, WebService } from "../../components/kubernetes";

const config = new pulumi.Config();
const environment = config.get<"dev" | "staging" | "prod">("environment") ?? "prod";

// The target cluster; every child of both components inherits it.
const cluster = new Provider("cluster", { kubeconfig: config.get("kubeconfig") ?? "~/.kube/config" });

const payments = new Namespace(
  "payments",
  {
    environment,
    labels: { team: "payments" },
    annotations: { "example.com/owner": "payments@example.com" },
    podSecurityVersion: "v1.31",
  },
  { provider: cluster },
);

const api = new WebService(
  "payments-api",
  {
    namespace: payments.namespaceName,
    environment,
    labels: { team: "payments" },
    annotations: { "example.com/owner": "payments@example.com" },
    containers: [
      {
        name: "api",
        image: "ghcr.io/acme/payments-api:2.3.1",
        port: 8080,
        readinessPath: "/readyz",
        livenessPath: "/livez",
        env: { LOG_LEVEL: "info" },
        secretMounts: [{ name: "payments-db", mountPath: "/etc/payments/db" }],
        configMounts: [{ name: "payments-config", mountPath: "/etc/payments/config" }],
        cpuRequest: "500m",
        cpuLimit: "1",
        memoryRequest: "512Mi",
        memoryLimit: "1Gi",
      },
      {
        name: "metrics-proxy",
        image: "ghcr.io/acme/metrics-proxy@sha256:" + "0123456789abcdef".repeat(4),
        port: 9090,
        probe: "tcp",
      },
    ],
    initContainers: [
      {
        name: "migrate",
        image: "ghcr.io/acme/payments-migrate:2.3.1",
        args: ["--apply"],
        secretMounts: [{ name: "payments-db", mountPath: "/etc/payments/db" }],
      },
    ],
    runAsUser: 10001,
    runAsGroup: 10001,
    automountServiceAccountToken: false,
    servicePort: 80,
    minReplicas: 3,
    maxReplicas: 12,
    targetCpuUtilization: 65,
    allowFromNamespaces: ["checkout"],
    allowFromPods: [{ "app.kubernetes.io/name": "payments-worker" }],
    ingress: true,
    ingressHost: "payments.example.com",
    ingressTlsSecretName: "payments-tls",
    // cert-manager issues the certificate into payments-tls (cert-manager and the ClusterIssuer must exist).
    ingressCertificateIssuer: "letsencrypt",
    ingressClassName: "nginx",
    ingressControllerNamespace: "ingress-nginx",
  },
  { provider: cluster },
);

export const namespace = payments.namespaceName;
export const service = api.serviceName;
export const host = api.host;
