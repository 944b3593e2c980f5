// Probes: the port a long-running container listens on, and readiness and liveness checks that never
// coincide (a slow dependency must not restart the pod).
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Validator } from "../../core/validate";
import { ContainerArgs } from "./args";

/** The container fields probing adds. */
export interface ProbedFields {
  readonly ports: k8s.core.v1.ContainerPort[];
  readonly readinessProbe: k8s.core.v1.Probe;
  readonly livenessProbe: k8s.core.v1.Probe;
}

/** The port and probes of a main container (`isMain`: port 8080 by default) or a sidecar (port required). */
export function probedFields(
  v: Validator,
  field: string,
  probes: ContainerArgs,
  isMain: boolean,
): ProbedFields {
  const port = v.integer(`${field}.port`, probes.port, 1024, 65535, isMain ? 8080 : 0);
  if (port === 0)
    v.fail(
      `${field}.port`,
      probes.port,
      "is required for a sidecar",
      "the TCP port the sidecar listens on, 1024-65535, so it can be probed",
    );
  const kind = v.oneOf(`${field}.probe`, probes.probe, ["http", "tcp"] as const, "http");
  const readinessPath = probes.readinessPath ?? "/readyz";
  const livenessPath = probes.livenessPath ?? "/livez";
  for (const [f, p] of [
    [`${field}.readinessPath`, readinessPath],
    [`${field}.livenessPath`, livenessPath],
  ] as const) {
    if (!/^\/[\x21-\x7e]*$/.test(p)) v.fail(f, p, "is not an HTTP path", "a path starting with /");
  }
  if (kind === "http" && readinessPath === livenessPath) {
    v.fail(
      `${field}.livenessPath`,
      livenessPath,
      "is the same as readinessPath",
      "a liveness path that differs from the readiness path, so a slow dependency does not restart the pod",
    );
  }
  const handler = (path: string): k8s.core.v1.Probe =>
    kind === "http" ? { httpGet: { path, port } } : { tcpSocket: { port } };
  return {
    ports: [{ containerPort: port, protocol: "TCP", ...(isMain ? { name: "http" } : {}) }],
    // Readiness reacts fast and gates traffic; liveness is slow and forgiving, so the two never coincide.
    readinessProbe: { ...handler(readinessPath), periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
    livenessProbe: {
      ...handler(livenessPath),
      initialDelaySeconds: 10,
      periodSeconds: 15,
      timeoutSeconds: 3,
      failureThreshold: 4,
    },
  };
}
