// The Kubernetes half of the reference platform, on any cloud: a hardened namespace, a web service that
// reaches the platform's database by name (5432 to its private address, nothing else beyond DNS) and,
// when configured, a scheduled job that does too, on the stack's own cluster when its cloud half built one,
// otherwise on the cluster the stack's kubeconfig context names.
import type { ProviderResource } from "@pulumi/pulumi";
import { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import { CronJob, EgressRule, Namespace, WebService } from "../components/kubernetes";
import { Environment } from "../components/core";
import { HasPrivateEndpoint } from "../components/core/endpoint";
import { PlatformConfig } from "./config";

/** Composes the namespace, web service and scheduled job; returns their stack outputs. */
export function kubernetesPlatform(
  environment: Environment,
  config: NonNullable<PlatformConfig["kubernetes"]>,
  database: HasPrivateEndpoint,
  ownCluster?: ProviderResource,
): Record<string, unknown> {
  // The namespace denies all egress but DNS; the workloads name the one thing they reach.
  const toDatabase: EgressRule[] = [{ to: database }];
  // An explicit provider: every object goes to the stack's own cluster or the configured one, never to an
  // ambient default.
  const cluster = ownCluster ?? new KubernetesProvider("cluster", { context: config.context });
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
      egress: toDatabase,
    },
    { provider: cluster, dependsOn: [namespace] },
  );
  const job =
    config.job &&
    new CronJob(
      "report",
      {
        namespace: namespace.namespaceName,
        environment,
        schedule: config.job.schedule,
        timeZone: config.job.timeZone,
        containers: [{ name: "report", image: config.job.image }],
        egress: toDatabase,
      },
      { provider: cluster, dependsOn: [namespace] },
    );
  return {
    kubernetesNamespace: namespace.namespaceName,
    webService: web.serviceName,
    ...(job ? { reportCronJob: job.cronJobName } : {}),
  };
}
