// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/webapp-kubernetes-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

const config = new pulumi.Config();
const labels = { app: "nginx" };

// A namespace, an nginx config map mounted into a deployment, and a ClusterIP service in front of it.
const ns = new k8s.core.v1.Namespace("webserver", {
  metadata: { name: config.get("namespace") ?? "default" },
});
const conf = new k8s.core.v1.ConfigMap("webserverconfig", {
  metadata: { namespace: ns.metadata.name },
  data: { "nginx.conf": "events { }\nhttp { server { listen 80; root /usr/share/nginx/html; } }\n" },
});
const deployment = new k8s.apps.v1.Deployment("webserverdeployment", {
  metadata: { namespace: ns.metadata.name },
  spec: {
    selector: { matchLabels: labels },
    replicas: config.getNumber("replicas") ?? 1,
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            image: "nginx",
            name: "nginx",
            volumeMounts: [
              {
                mountPath: "/etc/nginx/nginx.conf",
                name: "nginx-conf-volume",
                readOnly: true,
                subPath: "nginx.conf",
              },
            ],
          },
        ],
        volumes: [
          {
            configMap: { items: [{ key: "nginx.conf", path: "nginx.conf" }], name: conf.metadata.name },
            name: "nginx-conf-volume",
          },
        ],
      },
    },
  },
});
const service = new k8s.core.v1.Service("webserverservice", {
  metadata: { namespace: ns.metadata.name },
  spec: {
    ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80 }],
    selector: deployment.spec.template.metadata.labels,
  },
});
export const deploymentName = deployment.metadata.name;
export const serviceName = service.metadata.name;
