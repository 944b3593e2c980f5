// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/kubernetes-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as k8s from "@pulumi/kubernetes";

// One nginx pod in the default namespace, no security context.
const labels = { app: "nginx" };
const deployment = new k8s.apps.v1.Deployment("nginx", {
  spec: {
    selector: { matchLabels: labels },
    replicas: 1,
    template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
  },
});
export const name = deployment.metadata.name;
