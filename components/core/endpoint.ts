// A private network destination a component exposes (a database's address range and port), so a workload
// on another platform (a Kubernetes pod, a VM) can be allowed to reach exactly it and nothing more.
// Cloud-neutral: each cloud's PostgresDatabase implements it; Kubernetes egress rules accept it.
import * as pulumi from "@pulumi/pulumi";

/** Where a component can be reached on the private network. */
export interface PrivateEndpoint {
  /**
   * The address ranges its traffic arrives at (CIDRs): a single address as `/32` when it is fixed, else
   * the subnets it may move between (a Multi-AZ failover).
   */
  readonly cidrs: pulumi.Output<string[]>;
  /** The TCP port it listens on. */
  readonly port: number;
  /** What it is, for messages and names (`aws.PostgresDatabase "app"`). */
  readonly description: string;
}

/** A component that exposes a {@link PrivateEndpoint}. */
export interface HasPrivateEndpoint {
  readonly privateEndpoint: PrivateEndpoint;
}

/** True for an object that exposes a {@link PrivateEndpoint}. */
export function hasPrivateEndpoint(value: unknown): value is HasPrivateEndpoint {
  if (typeof value !== "object" || value === null || !("privateEndpoint" in value)) return false;
  const e = (value as { privateEndpoint: unknown }).privateEndpoint;
  return (
    typeof e === "object" &&
    e !== null &&
    pulumi.Output.isInstance((e as PrivateEndpoint).cidrs) &&
    typeof (e as PrivateEndpoint).port === "number"
  );
}
