// Probes: the port a long-running container listens on, and readiness and liveness checks that never
// coincide (a slow dependency must not restart the pod).
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Validator } from "../../core/validate";
import { ContainerArgs } from "./args";

/** The container fields probing adds. */
export interface ProbedFields {
  readonly ports?: k8s.core.v1.ContainerPort[];
  readonly readinessProbe: k8s.core.v1.Probe;
  readonly livenessProbe: k8s.core.v1.Probe;
}

const COMMAND = "a non-empty list of strings, the command and its arguments";

/** A probe command, refused when it is not a non-empty list of strings. */
function command(v: Validator, field: string, value: readonly string[] | undefined): string[] {
  if (value === undefined) v.fail(field, value, "is required for exec probes", COMMAND);
  if (!Array.isArray(value) || value.length === 0 || value.some((p) => typeof p !== "string" || p === ""))
    v.fail(field, value, "is not a command", COMMAND);
  return [...value];
}

/** Readiness and liveness by command (`exec`), which must differ; HTTP paths are refused beside them. */
function execProbes(
  v: Validator,
  field: string,
  probes: ContainerArgs,
  timing: { readonly readiness: object; readonly liveness: object },
): Omit<ProbedFields, "ports"> {
  for (const f of ["readinessPath", "livenessPath"] as const)
    if (probes[f] !== undefined)
      v.fail(
        `${field}.${f}`,
        probes[f],
        "is an HTTP path, but probe is exec",
        "readinessCommand and livenessCommand",
      );
  const readiness = command(v, `${field}.readinessCommand`, probes.readinessCommand);
  const liveness = command(v, `${field}.livenessCommand`, probes.livenessCommand);
  if (JSON.stringify(readiness) === JSON.stringify(liveness))
    v.fail(
      `${field}.livenessCommand`,
      liveness,
      "is the same as readinessCommand",
      "a liveness check that differs from the readiness check, so a slow dependency does not restart the pod",
    );
  return {
    readinessProbe: { exec: { command: readiness }, ...timing.readiness },
    livenessProbe: { exec: { command: liveness }, ...timing.liveness },
  };
}

/**
 * The port and probes of a long-running container. `defaultPort` is the port when none is given (8080 for
 * a service's main container); without one, a container must name its port or use `exec` probes.
 */
export function probedFields(
  v: Validator,
  field: string,
  probes: ContainerArgs,
  isMain: boolean,
  defaultPort: number | undefined,
): ProbedFields {
  const port = v.integer(`${field}.port`, probes.port, 1024, 65535, defaultPort ?? 0);
  const kind = v.oneOf(`${field}.probe`, probes.probe, ["http", "tcp", "exec"] as const, "http");
  if (port === 0 && kind !== "exec")
    v.fail(
      `${field}.port`,
      probes.port,
      isMain ? "is required for http and tcp probes" : "is required for a sidecar",
      isMain
        ? 'the TCP port the container listens on, 1024-65535, so it can be probed, or probe: "exec" with commands'
        : "the TCP port the sidecar listens on, 1024-65535, so it can be probed",
    );
  const ports: Pick<ProbedFields, "ports"> =
    port === 0
      ? {}
      : { ports: [{ containerPort: port, protocol: "TCP", ...(isMain ? { name: "http" } : {}) }] };
  // Readiness reacts fast and gates traffic; liveness is slow and forgiving, so the two never coincide.
  const timing = {
    readiness: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
    liveness: { initialDelaySeconds: 10, periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 4 },
  };
  if (kind === "exec") return { ...ports, ...execProbes(v, field, probes, timing) };
  for (const f of ["readinessCommand", "livenessCommand"] as const)
    if (probes[f] !== undefined)
      v.fail(
        `${field}.${f}`,
        probes[f],
        `is a command, but probe is ${kind}`,
        'probe: "exec", or leave the command out',
      );
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
    ...ports,
    readinessProbe: { ...handler(readinessPath), ...timing.readiness },
    livenessProbe: { ...handler(livenessPath), ...timing.liveness },
  };
}
