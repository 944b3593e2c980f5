// The arguments that describe a pod's containers, shared by every Kubernetes workload component.
import * as pulumi from "@pulumi/pulumi";
import { argKeys } from "../../core/strict";
import { ContainerSizes } from "../sizes";

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
  /**
   * TCP port the container listens on; `http` and `tcp` probes target it.
   * @default 8080 for a WebService's first container; otherwise required unless `probe` is "exec"
   */
  readonly port?: number;
  /**
   * How the probes check the container: HTTP GET on the paths below, a TCP connect, or a command run in
   * the container (`exec`, for a worker with no port).
   * @default "http"
   */
  readonly probe?: "http" | "tcp" | "exec";
  /** Readiness probe path (HTTP). @default "/readyz" */
  readonly readinessPath?: string;
  /** Liveness probe path (HTTP); must differ from `readinessPath`. @default "/livez" */
  readonly livenessPath?: string;
  /** Readiness command (`exec` probes), e.g. `["/app/healthcheck", "--ready"]`. Required with `exec`. */
  readonly readinessCommand?: readonly string[];
  /** Liveness command (`exec` probes); must differ from `readinessCommand`. Required with `exec`. */
  readonly livenessCommand?: readonly string[];
}

/** The keys of {@link FileMountArgs}, checked against it by the compiler; any other key is refused. */
export const FILE_MOUNT_KEYS = argKeys<FileMountArgs>()(["name", "mountPath"]);

/** The keys of {@link InitContainerArgs}, checked against it by the compiler; any other key is refused. */
export const INIT_CONTAINER_KEYS = argKeys<InitContainerArgs>()([
  ...(["name", "image", "command", "args", "env", "secretMounts", "configMounts"] as const),
  ...(["runAsUser", "runAsGroup", "cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit"] as const),
  ...(["ephemeralStorageRequest", "ephemeralStorageLimit"] as const),
]);

/** The keys of {@link ContainerArgs}: an init container's, and the port and probes. */
export const CONTAINER_KEYS = argKeys<ContainerArgs>()([
  ...INIT_CONTAINER_KEYS,
  ...(["port", "probe", "readinessPath", "livenessPath", "readinessCommand", "livenessCommand"] as const),
]);

/** What `buildPodSpec` needs beyond the containers. */
export interface PodContext {
  /** The environment's container requests and limits, used where the caller gives none. */
  readonly sizes: ContainerSizes;
  readonly serviceAccountName: pulumi.Input<string>;
  readonly automountServiceAccountToken: boolean;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  /**
   * What the pod is for: a `service` (the main container takes traffic on a port, 8080 by default), a
   * `worker` (long-running, probed, no port required) or a `job` (runs to completion: never probed).
   * @default "service"
   */
  readonly kind?: "service" | "worker" | "job";
}
