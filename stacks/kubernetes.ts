// The Kubernetes half of the reference platform, on any cloud: a hardened namespace and web service on the
// cluster the stack's kubeconfig context names.
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import { Namespace, WebService } from "../components/kubernetes";
import { Environment } from "../components/core";
import { PlatformConfig } from "./config";

/** Composes the namespace and web service; returns their stack outputs. */
export function kubernetesPlatform(
  environment: Environment,
  config: NonNullable<PlatformConfig["kubernetes"]>,
): Record<string, unknown> {
  // An explicit provider: every object goes to the configured cluster, never to an ambient default.
  const cluster = new KubernetesProvider("cluster", { context: config.context });
  const namespace = new Namespace(config.namespace, { environment }, { provider: cluster });
  const web = new WebService(
    "web",
    {
      namespace: namespace.namespaceName,
      environment,
      containers: [{ name: "web", image: config.webImage, port: config.webPort }],
      ingress: config.ingressHost !== undefined,
      ingressHost: config.ingressHost,
      ingressTlsSecretName: config.ingressTlsSecret,
      // The certificate is made in the stack (a cert-manager Certificate) when an issuer is configured;
      // otherwise ingressTlsSecret must name a Secret that exists before the first up.
      ingressCertificateIssuer: config.ingressCertificateIssuer,
    },
    { provider: cluster, dependsOn: [namespace] },
  );
  return { kubernetesNamespace: namespace.namespaceName, webService: web.serviceName };
}
