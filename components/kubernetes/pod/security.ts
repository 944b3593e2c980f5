// Pod and container security contexts: the BASELINE.md controls every pod and every container gets, and
// the check on the identities a caller may choose.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Validator } from "../../core/validate";

/** Lowest UID/GID a container may run as; below it a container may share an identity with a host user. */
export const MIN_RUN_AS_ID = 10000;
/** The UID/GID used when the caller gives none. */
export const DEFAULT_RUN_AS_ID = 10001;

/** Checks a UID or GID a caller gave: integers of at least 10000 only. */
export function runAsId(v: Validator, field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_RUN_AS_ID || value > 2147483647) {
    v.fail(
      field,
      value,
      "would weaken the pod security baseline",
      `an integer from ${MIN_RUN_AS_ID} to 2147483647`,
    );
  }
  return value;
}

/** The security context every container gets, whatever role it plays in the pod. */
export function containerSecurityContext(runAsUser: number, runAsGroup: number): k8s.core.v1.SecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser,
    runAsGroup,
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/** The pod-level controls: no host namespaces, a non-root identity (also `fsGroup`), RuntimeDefault seccomp. */
export function podSecurity(runAsUser: number, runAsGroup: number): Partial<k8s.core.v1.PodSpec> {
  return {
    // Service links put every Service's address in env; nothing here needs them.
    enableServiceLinks: false,
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser,
      runAsGroup,
      fsGroup: runAsGroup,
      seccompProfile: { type: "RuntimeDefault" },
    },
  };
}
