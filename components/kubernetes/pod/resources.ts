// Container requests and limits: Kubernetes quantities parsed and checked, each request no larger than
// its limit, defaulted from the environment's container sizes.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { Validator } from "../../core/validate";
import { ContainerSizes } from "../sizes";
import { InitContainerArgs } from "./args";

const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const SUFFIX: { readonly [s: string]: number } = {
  "": 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Parses a Kubernetes quantity (`500m`, `1.5`, `256Mi`) to a number; undefined when malformed. */
export function parseQuantity(q: string): number | undefined {
  const m = typeof q === "string" ? QUANTITY.exec(q) : null;
  return m ? Number(m[1]) * SUFFIX[m[3] ?? ""] : undefined;
}

/** Checks a request/limit pair and returns both, defaulted. */
function requestAndLimit(
  v: Validator,
  field: string,
  what: string,
  request: string | undefined,
  limit: string | undefined,
  defaults: [string, string],
): [string, string] {
  const req = request ?? defaults[0];
  const lim = limit ?? defaults[1];
  for (const [f, q] of [
    [`${field}${what}Request`, req],
    [`${field}${what}Limit`, lim],
  ] as const) {
    const n = parseQuantity(q);
    if (n === undefined || n <= 0) {
      v.fail(f, q, "is not a positive Kubernetes quantity", "a quantity such as 250m, 1, 128Mi or 1Gi");
    }
  }
  if (parseQuantity(req)! > parseQuantity(lim)!) {
    v.fail(
      `${field}${what}Request`,
      req,
      `is larger than the ${what} limit ${lim}`,
      "a request no larger than its limit",
    );
  }
  return [req, lim];
}

/** A container's CPU, memory and ephemeral-storage requests and limits; `field` ends with a dot. */
export function containerResources(
  v: Validator,
  field: string,
  c: InitContainerArgs,
  size: ContainerSizes,
): k8s.core.v1.ResourceRequirements & { limits: { "ephemeral-storage": string } } {
  const [cpuReq, cpuLim] = requestAndLimit(v, field, "cpu", c.cpuRequest, c.cpuLimit, [
    size.cpuRequest,
    size.cpuLimit,
  ]);
  const [memReq, memLim] = requestAndLimit(v, field, "memory", c.memoryRequest, c.memoryLimit, [
    size.memoryRequest,
    size.memoryLimit,
  ]);
  const [ephReq, ephLim] = requestAndLimit(
    v,
    field,
    "ephemeralStorage",
    c.ephemeralStorageRequest,
    c.ephemeralStorageLimit,
    [size.ephemeralStorageRequest, size.ephemeralStorageLimit],
  );
  return {
    requests: { cpu: cpuReq, memory: memReq, "ephemeral-storage": ephReq },
    limits: { cpu: cpuLim, memory: memLim, "ephemeral-storage": ephLim },
  };
}

/**
 * The size of a container's private `/tmp` (an emptyDir): half its ephemeral-storage limit, in MiB. The
 * kubelet evicts a pod when an emptyDir passes its `sizeLimit`, and also when its containers' writable
 * layers, logs and emptyDirs together pass the sum of their limits
 * (https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage):
 * a `/tmp` as large as the limit left no room for the container's logs, so a full `/tmp` evicted the pod
 * before its own limit was reached. The other half holds the logs (the kubelet keeps up to 5 files of
 * 10 MiB by default) and whatever the read-only root still writes. A larger `/tmp` needs a larger
 * `ephemeralStorageLimit`.
 */
export function tmpSizeLimit(ephemeralStorageLimit: string): string {
  const bytes = parseQuantity(ephemeralStorageLimit) ?? 0;
  return `${Math.max(1, Math.floor(bytes / 2 / 2 ** 20))}Mi`;
}
