// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/helm-kubernetes-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

const config = new pulumi.Config();
const labels = { app: "nginx-ingress" };

// A namespace and the NGINX ingress controller installed from its chart as a Helm release.
const ns = new k8s.core.v1.Namespace("ingressns", {
  metadata: { labels, name: config.get("k8sNamespace") ?? "default" },
});
const release = new k8s.helm.v3.Release("ingresscontroller", {
  chart: "nginx-ingress",
  namespace: ns.metadata.name,
  repositoryOpts: { repo: "https://helm.nginx.com/stable" },
  skipCrds: true,
  values: {
    controller: {
      enableCustomResources: false,
      appprotect: { enable: false },
      appprotectdos: { enable: false },
      service: { extraLabels: labels },
    },
  },
  version: "0.14.1",
});
export const name = release.name;
