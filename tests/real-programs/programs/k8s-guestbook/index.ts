// Re-authored after github.com/MitchellGerdisch/pulumi-work@e310417f359eaa05ac743ec43fbf44f67afc1a26/guestbook-various-languages-clouds/guestbook-app-options/guestbook-app-ts/index.ts ((none stated)): the same resources, invokes and outputs, written here.
import * as k8s from "@pulumi/kubernetes";

/** A deployment and service for one guestbook tier. */
function tier(name: string, image: string, port: number, replicas: number, type?: string) {
  const labels = { app: name };
  const deployment = new k8s.apps.v1.Deployment(name, {
    spec: {
      selector: { matchLabels: labels },
      replicas,
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image,
              resources: { requests: { cpu: "100m", memory: "100Mi" } },
              ports: [{ containerPort: port }],
            },
          ],
        },
      },
    },
  });
  const service = new k8s.core.v1.Service(name, {
    metadata: { labels: deployment.metadata.labels },
    spec: { type, ports: [{ port, targetPort: port }], selector: labels },
  });
  return service;
}

// Redis leader and replicas, and a public frontend behind a LoadBalancer service.
tier("redis-leader", "redis", 6379, 1);
tier("redis-replica", "pulumi/guestbook-redis-replica", 6379, 1);
const frontend = tier("frontend", "pulumi/guestbook-php-redis", 80, 3, "LoadBalancer");
export const frontendIp = frontend.status.loadBalancer.ingress[0].ip;
