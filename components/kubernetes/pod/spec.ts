// The hardened pod spec shared by every Kubernetes workload Groundwork creates: every container (main,
// sidecars, init) built the same way, distinct names and ports, one volume per name, pod-level controls.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Validator } from "../../core/validate";
import { ContainerArgs, InitContainerArgs, PodContext } from "./args";
import { BuiltContainer, buildContainer } from "./containers";
import { podSecurity } from "./security";
import { podVolumes } from "./volumes";

/** Refuses two containers with one name, or two long-running containers on one port. */
function checkDistinct(v: Validator, built: readonly BuiltContainer[], containerCount: number): void {
  const names = new Set<string>();
  const ports = new Set<number>();
  built.forEach((b, i) => {
    const field = i < containerCount ? `containers[${i}].name` : `initContainers[${i - containerCount}].name`;
    if (names.has(b.name)) v.fail(field, b.name, "is used by two containers", "distinct container names");
    names.add(b.name);
    for (const p of (b.container.ports ?? []) as { containerPort: number }[]) {
      if (ports.has(p.containerPort))
        v.fail(
          field.replace(/name$/, "port"),
          p.containerPort,
          "is used by two containers",
          "distinct ports",
        );
      ports.add(p.containerPort);
    }
  });
}

/**
 * The pod spec: pod-level hardening, every container (main, sidecars, init) with the same security
 * context, requests and limits, a private `/tmp`, and secrets as files. Throws on any caller value that
 * would weaken it. `mainPort` is the port of the first container (a service's receives its traffic), when it has one.
 */
export function buildPodSpec(
  v: Validator,
  containers: readonly ContainerArgs[],
  initContainers: readonly InitContainerArgs[] | undefined,
  ctx: PodContext,
): { spec: k8s.core.v1.PodSpec; mainPort: number | undefined } {
  if (!Array.isArray(containers) || containers.length === 0) {
    v.fail("containers", containers, "is empty", "at least one container; the first is the main container");
  }
  if (initContainers !== undefined && !Array.isArray(initContainers)) {
    v.fail("initContainers", initContainers, "is not a list", "a list of containers");
  }
  // A job's containers run to completion: built like init containers, never probed.
  const job = ctx.kind === "job";
  const built = [
    ...containers.map((c, i) =>
      buildContainer(v, `containers[${i}]`, c, ctx, job ? undefined : (c ?? {}), i === 0),
    ),
    ...(initContainers ?? []).map((c, i) =>
      buildContainer(v, `initContainers[${i}]`, c, ctx, undefined, false),
    ),
  ];
  checkDistinct(v, built, containers.length);
  const volumes = podVolumes(v, built);
  const main = built[0].container as { ports?: { containerPort: number }[] };
  return {
    mainPort: main.ports?.[0]?.containerPort,
    spec: {
      serviceAccountName: ctx.serviceAccountName,
      automountServiceAccountToken: ctx.automountServiceAccountToken,
      ...podSecurity(ctx.runAsUser, ctx.runAsGroup),
      containers: built.slice(0, containers.length).map((b) => b.container),
      ...(initContainers && initContainers.length > 0
        ? { initContainers: built.slice(containers.length).map((b) => b.container) }
        : {}),
      volumes,
    },
  };
}
