// One hardened container from the caller's description: a checked name, a pinned image, plain env only,
// requests and limits, the shared security context, its volumes and, for long-running containers, probes.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { pinnedImage, plainEnvValue } from "../../core/container-settings";
import { looksLikeSecretName } from "../../core/secrets";
import { isPlainObject, strictObject } from "../../core/strict";
import { Validator } from "../../core/validate";
import { CONTAINER_KEYS, ContainerArgs, INIT_CONTAINER_KEYS, InitContainerArgs, PodContext } from "./args";
import { probedFields } from "./probes";
import { containerResources, tmpSizeLimit } from "./resources";
import { containerSecurityContext, runAsId } from "./security";
import { containerVolumes } from "./volumes";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const SECRET_EXPECTED = "a non-secret value; mount secrets as read-only files with secretMounts";

/** A container as built, with the volumes it needs in the pod. */
export interface BuiltContainer {
  readonly name: string;
  readonly container: k8s.core.v1.Container;
  readonly volumes: k8s.core.v1.Volume[];
}

/** Plain environment variables; a name that looks like a secret, or a value that is not a string, is refused. */
function envVars(v: Validator, field: string, env: InitContainerArgs["env"]): k8s.core.v1.EnvVar[] {
  if (env !== undefined && !isPlainObject(env))
    v.fail(`${field}.env`, env, "is not an object", "variable names mapped to plain values");
  return Object.entries(env ?? {}).map(([key, value]) => {
    const f = `${field}.env.${key}`;
    if (!ENV_NAME.test(key))
      v.fail(f, key, "is not a valid variable name", "letters, digits, _ . -, not starting with a digit");
    // Env lands in plain text in the Deployment (CKV_K8S_35).
    if (looksLikeSecretName(key)) v.fail(f, "(value hidden)", "is named like a secret", SECRET_EXPECTED);
    // A known value must be a string; a secret Output is refused once it resolves (the shared rule).
    return { name: key, value: plainEnvValue(v, f, value, SECRET_EXPECTED) };
  });
}

/**
 * Checks a container: an object with only the keys of a container (`init`: of an init container, which
 * has no port or probes), and a name that is a DNS-1123 label short enough for its `tmp-<name>` volume.
 */
function containerName(v: Validator, field: string, c: InitContainerArgs, init: boolean): string {
  strictObject(
    v,
    field,
    c,
    init ? INIT_CONTAINER_KEYS : CONTAINER_KEYS,
    init ? "an init container" : "a container",
  );
  v.stringList(`${field}.command`, c.command, "a list of strings");
  v.stringList(`${field}.args`, c.args, "a list of strings");
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
  return name;
}

/**
 * Builds one container. `probes` is the container's own description for a long-running container (main
 * or sidecar) and undefined for an init container, which runs to completion and is never probed.
 */
export function buildContainer(
  v: Validator,
  field: string,
  c: InitContainerArgs,
  ctx: PodContext,
  probes: ContainerArgs | undefined,
  isMain: boolean,
): BuiltContainer {
  const name = containerName(v, field, c, probes === undefined);
  const image = pinnedImage(v, `${field}.image`, c.image);
  const resources = containerResources(v, `${field}.`, c, ctx.sizes);
  const runAsUser = runAsId(v, `${field}.runAsUser`, c.runAsUser, ctx.runAsUser);
  const runAsGroup = runAsId(v, `${field}.runAsGroup`, c.runAsGroup, ctx.runAsGroup);
  const env = envVars(v, field, c.env);
  const { volumes, mounts } = containerVolumes(
    v,
    field,
    name,
    c,
    tmpSizeLimit(resources.limits["ephemeral-storage"]),
  );
  const container: k8s.core.v1.Container = {
    name,
    image,
    imagePullPolicy: "Always",
    ...(c.command !== undefined ? { command: c.command } : {}),
    ...(c.args !== undefined ? { args: c.args } : {}),
    ...(env.length > 0 ? { env } : {}),
    securityContext: containerSecurityContext(runAsUser, runAsGroup),
    resources,
    volumeMounts: mounts,
    ...(probes !== undefined
      ? probedFields(
          v,
          field,
          probes,
          isMain,
          isMain && (ctx.kind ?? "service") === "service" ? 8080 : undefined,
        )
      : {}),
  };
  return { name, container, volumes };
}
