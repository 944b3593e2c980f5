// What each cloud's half of the reference platform hands back: the stack outputs an operator needs, and
// the database, which the Kubernetes half's workloads are allowed to reach by name.
import { HasPrivateEndpoint } from "../components/core/endpoint";

export interface PlatformResult {
  readonly outputs: Record<string, unknown>;
  readonly database: HasPrivateEndpoint;
}
