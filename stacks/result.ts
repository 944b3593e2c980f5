// What each cloud's half of the reference platform hands back: the stack outputs an operator needs, and
// the database, which the Kubernetes half's workloads are allowed to reach by name.
import type { ProviderResource } from "@pulumi/pulumi";
import { HasPrivateEndpoint } from "../components/core/endpoint";

export interface PlatformResult {
  readonly outputs: Record<string, unknown>;
  readonly database: HasPrivateEndpoint;
  /**
   * The Kubernetes provider of the cluster this cloud's half built (its `KubernetesCluster`), when it built
   * one; the Kubernetes half then deploys there instead of to the configured kubeconfig context.
   */
  readonly cluster?: ProviderResource;
}
