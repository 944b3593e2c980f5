// The cluster's kubeconfig and Kubernetes provider: built from the cluster's outputs, with credentials
// from `gke-gcloud-auth-plugin` at each call (the caller's own Google identity), never a static token or
// a client certificate. @pulumi/kubernetes loads only when a cluster is made, so importing
// `@groundwork/infra/gcp` never loads it.
import * as pulumi from "@pulumi/pulumi";
import type { Provider } from "@pulumi/kubernetes/provider";
import { requirePeerSdk } from "../../core/peer";

/** The exec credential plugin GKE documents for kubectl and client libraries. */
export const GKE_AUTH_PLUGIN = "gke-gcloud-auth-plugin";

/**
 * A kubeconfig (JSON, which kubeconfig readers accept as YAML) for one cluster: its endpoint, its CA and
 * an exec user that runs `gke-gcloud-auth-plugin`
 * (https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin).
 */
export function gkeKubeconfig(
  name: pulumi.Input<string>,
  endpoint: pulumi.Input<string>,
  caCertificate: pulumi.Input<string>,
): pulumi.Output<string> {
  return pulumi.all([name, endpoint, caCertificate]).apply(([n, host, ca]) =>
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: n, cluster: { server: `https://${host}`, "certificate-authority-data": ca } }],
      users: [
        {
          name: n,
          user: {
            exec: {
              apiVersion: "client.authentication.k8s.io/v1beta1",
              command: GKE_AUTH_PLUGIN,
              provideClusterInfo: true,
              interactiveMode: "Never",
              installHint:
                "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin " +
                "(https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl)",
            },
          },
        },
      ],
      contexts: [{ name: n, context: { cluster: n, user: n } }],
      "current-context": n,
    }),
  );
}

/** A Kubernetes provider for the kubeconfig, a child of `parent`; @pulumi/kubernetes is loaded here. */
export function kubernetesProvider(
  name: string,
  kubeconfig: pulumi.Output<string>,
  opts: pulumi.CustomResourceOptions,
): Provider {
  requirePeerSdk("gcp.KubernetesCluster", "@pulumi/kubernetes");
  const { Provider: KubernetesProvider } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("@pulumi/kubernetes/provider") as typeof import("@pulumi/kubernetes/provider");
  return new KubernetesProvider(name, { kubeconfig }, opts);
}
