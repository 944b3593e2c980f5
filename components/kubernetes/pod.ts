// The hardened pod template shared by every Kubernetes workload Groundwork creates: one function turns the
// caller's container descriptions into containers, init containers and volumes that meet BASELINE.md.
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes/types/input";
import {
  EnvironmentProfile,
  PINNED_IMAGE_EXPECTED,
  Validator,
  imageReferenceProblem,
  kubernetesLabelKeyProblem,
  looksLikeSecretName,
  shortHash,
} from "../core";

/** Lowest UID/GID a container may run as; below it a container may share an identity with a host user. */
export const MIN_RUN_AS_ID = 10000;
/** The UID/GID used when the caller gives none. */
export const DEFAULT_RUN_AS_ID = 10001;

/** A Secret or ConfigMap mounted read-only as files into a container. */
export interface FileMountArgs {
  /** The name of the Secret (or ConfigMap) in the workload's namespace. */
  readonly name: string;
  /** Absolute directory the files appear in, e.g. `/etc/app/db`. */
  readonly mountPath: string;
}

/** A container that runs to completion before the main containers start. */
export interface InitContainerArgs {
  /** Container name, a DNS-1123 label unique within the pod. */
  readonly name: string;
  /**
   * Image, pinned to a tag or a digest (`repo:1.2.3`, `repo@sha256:…`). `latest` and untagged images are
   * refused. An Output is checked when it resolves.
   */
  readonly image: pulumi.Input<string>;
  /** Entrypoint override. @default the image's entrypoint */
  readonly command?: pulumi.Input<pulumi.Input<string>[]>;
  /** Arguments. @default the image's command */
  readonly args?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Plain environment variables. Secret values belong in `secretMounts` (files), never here: names that
   * look like secrets (`*PASSWORD*`, `*TOKEN*`, `*API_KEY*` …) are refused, and so is a secret Output
   * when it resolves.
   * @default none
   */
  readonly env?: { readonly [key: string]: pulumi.Input<string> };
  /** Secrets mounted as read-only files. @default none */
  readonly secretMounts?: readonly FileMountArgs[];
  /** ConfigMaps mounted as read-only files. @default none */
  readonly configMounts?: readonly FileMountArgs[];
  /** UID, at least 10000. @default the pod's `runAsUser` */
  readonly runAsUser?: number;
  /** GID, at least 10000. @default the pod's `runAsGroup` */
  readonly runAsGroup?: number;
  /** CPU request. @default the environment profile's (dev 100m, staging 250m, prod 500m) */
  readonly cpuRequest?: string;
  /** CPU limit. @default the environment profile's (dev 500m, staging 1, prod 2) */
  readonly cpuLimit?: string;
  /** Memory request. @default the environment profile's (dev 128Mi, staging 256Mi, prod 512Mi) */
  readonly memoryRequest?: string;
  /** Memory limit. @default the environment profile's (dev 256Mi, staging 512Mi, prod 1Gi) */
  readonly memoryLimit?: string;
  /** Ephemeral storage request. @default the environment profile's (dev 64Mi, staging 128Mi, prod 256Mi) */
  readonly ephemeralStorageRequest?: string;
  /** Ephemeral storage limit; also the size of the `/tmp` emptyDir. @default the profile's (256Mi–1Gi) */
  readonly ephemeralStorageLimit?: string;
}

/** A long-running container: the main one (first in the list) or a sidecar. */
export interface ContainerArgs extends InitContainerArgs {
  /** TCP port the container listens on; probes target it. @default 8080 for the first container; required for sidecars */
  readonly port?: number;
  /** How the probes check the container: HTTP GET on the paths below, or a TCP connect. @default "http" */
  readonly probe?: "http" | "tcp";
  /** Readiness probe path (HTTP). @default "/readyz" */
  readonly readinessPath?: string;
  /** Liveness probe path (HTTP); must differ from `readinessPath`. @default "/livez" */
  readonly livenessPath?: string;
}

/** What {@link buildPodSpec} needs beyond the containers. */
export interface PodContext {
  readonly profile: EnvironmentProfile;
  readonly serviceAccountName: pulumi.Input<string>;
  readonly automountServiceAccountToken: boolean;
  readonly runAsUser: number;
  readonly runAsGroup: number;
}

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

const ABSOLUTE_PATH = /^\/[A-Za-z0-9._\-/]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const SECRET_EXPECTED = "a non-secret value; mount secrets as read-only files with secretMounts";

/**
 * A plain env value, refusing a secret Output once it resolves: Kubernetes would store it in plain text
 * in the Deployment, where anyone who can read the Deployment reads the secret.
 */
function plainEnvValue(v: Validator, field: string, value: pulumi.Input<string>): pulumi.Input<string> {
  if (!pulumi.Output.isInstance(value)) return value;
  return value.apply(async (resolved) => {
    if (await pulumi.isSecret(value as pulumi.Output<string>))
      v.fail(field, "(secret value hidden)", "is a secret", SECRET_EXPECTED);
    return resolved;
  });
}

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
function containerSecurityContext(runAsUser: number, runAsGroup: number): k8s.core.v1.SecurityContext {
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

/** The pinned image, checked now when known and on resolution when it is an Output. */
function pinnedImage(v: Validator, field: string, image: pulumi.Input<string>): pulumi.Input<string> {
  if (pulumi.Output.isInstance(image) || image instanceof Promise) {
    return pulumi.output(image).apply((resolved) => {
      const problem = imageReferenceProblem(resolved);
      if (problem !== undefined) v.fail(field, resolved, problem, PINNED_IMAGE_EXPECTED);
      return resolved;
    });
  }
  v.required(field, image, PINNED_IMAGE_EXPECTED);
  const problem = imageReferenceProblem(image);
  if (problem !== undefined) v.fail(field, image, problem, PINNED_IMAGE_EXPECTED);
  return image;
}

interface Built {
  readonly name: string;
  readonly container: k8s.core.v1.Container;
  readonly volumes: k8s.core.v1.Volume[];
}

function buildContainer(
  v: Validator,
  field: string,
  c: InitContainerArgs,
  ctx: PodContext,
  probes: ContainerArgs | undefined,
  isMain: boolean,
): Built {
  if (typeof c !== "object" || c === null)
    v.fail(field, c, "is not a container", "an object with name and image");
  const name = v.required(`${field}.name`, c.name, "a DNS-1123 label");
  // 59, not 63: the container's /tmp volume is named `tmp-<container>` and must stay a DNS label too.
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 59) {
    v.fail(
      `${field}.name`,
      name,
      "is not a valid container name",
      "a DNS-1123 label of 1-59 lowercase letters, digits and hyphens",
    );
  }
  const image = pinnedImage(v, `${field}.image`, c.image);
  const size = ctx.profile.sizes.container;
  const [cpuReq, cpuLim] = requestAndLimit(v, `${field}.`, "cpu", c.cpuRequest, c.cpuLimit, [
    size.cpuRequest,
    size.cpuLimit,
  ]);
  const [memReq, memLim] = requestAndLimit(v, `${field}.`, "memory", c.memoryRequest, c.memoryLimit, [
    size.memoryRequest,
    size.memoryLimit,
  ]);
  const [ephReq, ephLim] = requestAndLimit(
    v,
    `${field}.`,
    "ephemeralStorage",
    c.ephemeralStorageRequest,
    c.ephemeralStorageLimit,
    [size.ephemeralStorageRequest, size.ephemeralStorageLimit],
  );
  const runAsUser = runAsId(v, `${field}.runAsUser`, c.runAsUser, ctx.runAsUser);
  const runAsGroup = runAsId(v, `${field}.runAsGroup`, c.runAsGroup, ctx.runAsGroup);

  const env: k8s.core.v1.EnvVar[] = [];
  for (const [key, value] of Object.entries(c.env ?? {})) {
    if (!ENV_NAME.test(key))
      v.fail(
        `${field}.env.${key}`,
        key,
        "is not a valid variable name",
        "letters, digits, _ . -, not starting with a digit",
      );
    // Env lands in plain text in the Deployment (CKV_K8S_35).
    if (looksLikeSecretName(key))
      v.fail(`${field}.env.${key}`, "(value hidden)", "is named like a secret", SECRET_EXPECTED);
    if (
      typeof value === "object" &&
      value !== null &&
      !pulumi.Output.isInstance(value) &&
      !(value instanceof Promise)
    ) {
      v.fail(
        `${field}.env.${key}`,
        value,
        "is not a plain value",
        "a string; mount secrets as files with secretMounts",
      );
    }
    env.push({ name: key, value: plainEnvValue(v, `${field}.env.${key}`, value) });
  }

  const tmpVolume = `tmp-${name}`;
  const volumes: k8s.core.v1.Volume[] = [{ name: tmpVolume, emptyDir: { sizeLimit: ephLim } }];
  const mounts: k8s.core.v1.VolumeMount[] = [{ name: tmpVolume, mountPath: "/tmp" }];
  const paths = new Set<string>(["/tmp"]);
  const mountFiles = (kind: "secret" | "config", list: readonly FileMountArgs[] | undefined): void => {
    const argName = kind === "secret" ? "secretMounts" : "configMounts";
    (list ?? []).forEach((m, i) => {
      const f = `${field}.${argName}[${i}]`;
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(m?.name ?? "") || m.name.length > 253) {
        v.fail(
          `${f}.name`,
          m?.name,
          `is not a valid ${kind === "secret" ? "Secret" : "ConfigMap"} name`,
          "a DNS-1123 subdomain",
        );
      }
      if (!ABSOLUTE_PATH.test(m.mountPath ?? "") || m.mountPath.split("/").includes("..")) {
        v.fail(
          `${f}.mountPath`,
          m.mountPath,
          "is not an absolute path",
          "an absolute directory such as /etc/app/config, without ..",
        );
      }
      if (paths.has(m.mountPath))
        v.fail(
          `${f}.mountPath`,
          m.mountPath,
          "is already mounted in this container",
          "a distinct mount path",
        );
      paths.add(m.mountPath);
      // Volume names are DNS labels: the readable `<kind>-<name>` when the name is one already; otherwise
      // (dots, too long) a hash of the real name is appended, so `a.b` and `a-b` never share a volume.
      const readable = `${kind}-${m.name}`;
      const volumeName = /^[a-z0-9-]{1,63}$/.test(readable)
        ? readable
        : `${readable.replace(/\./g, "-").slice(0, 54).replace(/-+$/, "")}-${shortHash(m.name)}`;
      volumes.push(
        kind === "secret"
          ? { name: volumeName, secret: { secretName: m.name, defaultMode: 0o440 } }
          : { name: volumeName, configMap: { name: m.name, defaultMode: 0o444 } },
      );
      mounts.push({ name: volumeName, mountPath: m.mountPath, readOnly: true });
    });
  };
  mountFiles("secret", c.secretMounts);
  mountFiles("config", c.configMounts);

  const container: k8s.core.v1.Container = {
    name,
    image,
    imagePullPolicy: "Always",
    ...(c.command !== undefined ? { command: c.command } : {}),
    ...(c.args !== undefined ? { args: c.args } : {}),
    ...(env.length > 0 ? { env } : {}),
    securityContext: containerSecurityContext(runAsUser, runAsGroup),
    resources: {
      requests: { cpu: cpuReq, memory: memReq, "ephemeral-storage": ephReq },
      limits: { cpu: cpuLim, memory: memLim, "ephemeral-storage": ephLim },
    },
    volumeMounts: mounts,
  };

  if (probes !== undefined) {
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
    (container as { ports?: k8s.core.v1.ContainerPort[] }).ports = [
      { containerPort: port, protocol: "TCP", ...(isMain ? { name: "http" } : {}) },
    ];
    // Readiness reacts fast and gates traffic; liveness is slow and forgiving, so the two never coincide.
    (container as { readinessProbe?: k8s.core.v1.Probe }).readinessProbe = {
      ...handler(readinessPath),
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
    };
    (container as { livenessProbe?: k8s.core.v1.Probe }).livenessProbe = {
      ...handler(livenessPath),
      initialDelaySeconds: 10,
      periodSeconds: 15,
      timeoutSeconds: 3,
      failureThreshold: 4,
    };
  }
  return { name, container, volumes };
}

/** Checks caller annotations (keys as label keys, string values). */
export function checkAnnotations(
  v: Validator,
  annotations: { readonly [key: string]: string } | undefined,
): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  if (annotations === undefined) return out;
  if (typeof annotations !== "object" || annotations === null || Array.isArray(annotations)) {
    v.fail(
      "annotations",
      annotations,
      "is not a map of strings",
      "an object of string keys to string values",
    );
  }
  for (const [key, value] of Object.entries(annotations)) {
    const problem = kubernetesLabelKeyProblem(key);
    if (problem)
      v.fail(
        `annotations.${key}`,
        key,
        problem,
        "an annotation key: an optional DNS subdomain prefix and '/', then 1-63 of [A-Za-z0-9-_.]",
      );
    if (typeof value !== "string") v.fail(`annotations.${key}`, value, "is not a string", "a string value");
    out[key] = value;
  }
  return out;
}

/**
 * The pod spec: pod-level hardening, every container (main, sidecars, init) with the same security
 * context, requests and limits, a private `/tmp`, and secrets as files. Throws on any caller value that
 * would weaken it.
 */
export function buildPodSpec(
  v: Validator,
  containers: readonly ContainerArgs[],
  initContainers: readonly InitContainerArgs[] | undefined,
  ctx: PodContext,
): { spec: k8s.core.v1.PodSpec; mainPort: number } {
  if (!Array.isArray(containers) || containers.length === 0) {
    v.fail("containers", containers, "is empty", "at least one container; the first is the main container");
  }
  if (initContainers !== undefined && !Array.isArray(initContainers)) {
    v.fail("initContainers", initContainers, "is not a list", "a list of containers");
  }
  const built = [
    ...containers.map((c, i) => buildContainer(v, `containers[${i}]`, c, ctx, c ?? {}, i === 0)),
    ...(initContainers ?? []).map((c, i) =>
      buildContainer(v, `initContainers[${i}]`, c, ctx, undefined, false),
    ),
  ];
  const names = new Set<string>();
  const ports = new Set<number>();
  built.forEach((b, i) => {
    const field =
      i < containers.length ? `containers[${i}].name` : `initContainers[${i - containers.length}].name`;
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
  // Containers mounting the same Secret share its volume; two different sources under one name would
  // silently mount the wrong one, so that is refused (names are hashed above, this is the backstop).
  const volumes = new Map<string, k8s.core.v1.Volume>();
  for (const b of built) {
    for (const vol of b.volumes) {
      const seen = volumes.get(vol.name as string);
      if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(vol)) {
        v.fail(
          `containers.${b.name}.volumes`,
          vol.name,
          "is the volume name of two different mounts",
          "Secret and ConfigMap names whose volume names (<kind>-<name>, 63 characters) differ",
        );
      }
      volumes.set(vol.name as string, vol);
    }
  }
  const main = built[0].container as { ports: { containerPort: number }[] };
  return {
    mainPort: main.ports[0].containerPort,
    spec: {
      serviceAccountName: ctx.serviceAccountName,
      automountServiceAccountToken: ctx.automountServiceAccountToken,
      // Service links put every Service's address in env; nothing here needs them.
      enableServiceLinks: false,
      hostNetwork: false,
      hostPID: false,
      hostIPC: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: ctx.runAsUser,
        runAsGroup: ctx.runAsGroup,
        fsGroup: ctx.runAsGroup,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: built.slice(0, containers.length).map((b) => b.container),
      ...(initContainers && initContainers.length > 0
        ? { initContainers: built.slice(containers.length).map((b) => b.container) }
        : {}),
      volumes: [...volumes.values()],
    },
  };
}
