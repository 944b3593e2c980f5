// The AKS Kubernetes minors a cluster may be created on (facts/azure/aks.json, with its source), and the
// kubeconfig a KubernetesCluster hands its Provider: the API server and its CA from the cluster's outputs,
// credentials from kubelogin at each call (an Entra token from the Azure CLI's signed-in account), never a
// static admin token or client certificate. Pure: no provider SDK loads here.
import aksFacts from "../../../facts/azure/aks.json";

interface AksFacts {
  readonly kubernetes: { readonly source: string; readonly versions: readonly string[] };
  readonly kubelogin: { readonly serverId: string; readonly source: string };
}

const FACTS = aksFacts as unknown as AksFacts;

/** The Kubernetes minors the component accepts, oldest first. */
export const AKS_KUBERNETES_VERSIONS: readonly string[] = [...FACTS.kubernetes.versions].sort(
  (a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]),
);

/** The newest listed minor: the default. */
export const AKS_DEFAULT_VERSION: string = AKS_KUBERNETES_VERSIONS[AKS_KUBERNETES_VERSIONS.length - 1];

/** Where the supported list comes from. */
export const AKS_VERSIONS_SOURCE: string = FACTS.kubernetes.source;

/**
 * The application id of the AKS AAD server, the audience of every managed-Entra cluster's tokens (the same
 * in every tenant): facts/azure/aks.json, from the kubelogin documentation.
 */
export const AKS_SERVER_APP_ID: string = FACTS.kubelogin.serverId;

/** The exec credential every AKS kubeconfig from this component uses. */
export const KUBELOGIN_EXEC = {
  apiVersion: "client.authentication.k8s.io/v1beta1",
  command: "kubelogin",
  args: ["get-token", "--login", "azurecli", "--server-id", AKS_SERVER_APP_ID],
  // A deployment runs unattended: kubelogin must fail rather than wait for a prompt.
  interactiveMode: "Never",
  provideClusterInfo: false,
} as const;

/**
 * A kubeconfig (JSON, which every kubeconfig reader takes) for one cluster: `server` and
 * `certificate-authority-data` from the cluster, the user a kubelogin exec credential.
 */
export function execKubeconfig(clusterName: string, server: string, certificateAuthority: string): string {
  const user = `${clusterName}-kubelogin`;
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: clusterName, cluster: { server, "certificate-authority-data": certificateAuthority } },
    ],
    contexts: [{ name: clusterName, context: { cluster: clusterName, user } }],
    "current-context": clusterName,
    users: [{ name: user, user: { exec: KUBELOGIN_EXEC } }],
  });
}

/**
 * The `certificate-authority-data` of the first cluster in a base64 kubeconfig, as the AKS credential
 * lists return it; empty when there is none. Only the CA is read: any credential in it is dropped.
 */
export function certificateAuthorityOf(base64Kubeconfig: string): string {
  const text = Buffer.from(base64Kubeconfig, "base64").toString("utf8");
  const match = /certificate-authority-data:\s*"?([A-Za-z0-9+/=]+)"?/.exec(text);
  return match?.[1] ?? "";
}
