// Volumes: each container's private `/tmp`, Secrets and ConfigMaps mounted read-only as files, and the
// check that two mounts never share a volume name.
import type * as k8s from "@pulumi/kubernetes/types/input";
import { shortHash } from "../../core/naming";
import { strictObject } from "../../core/strict";
import { Validator } from "../../core/validate";
import { FILE_MOUNT_KEYS, FileMountArgs, InitContainerArgs } from "./args";

const ABSOLUTE_PATH = /^\/[A-Za-z0-9._\-/]*$/;

/** The volumes a container brings and where it mounts them. */
export interface ContainerVolumes {
  readonly volumes: k8s.core.v1.Volume[];
  readonly mounts: k8s.core.v1.VolumeMount[];
}

/**
 * Volume names are DNS labels: the readable `<kind>-<name>` when the name is one already; otherwise
 * (dots, too long) a hash of the real name is appended, so `a.b` and `a-b` never share a volume.
 */
function volumeName(kind: "secret" | "config", name: string): string {
  const readable = `${kind}-${name}`;
  return /^[a-z0-9-]{1,63}$/.test(readable)
    ? readable
    : `${readable.replace(/\./g, "-").slice(0, 54).replace(/-+$/, "")}-${shortHash(name)}`;
}

/** Checks one Secret or ConfigMap mount: a DNS-1123 subdomain name, an absolute path not used yet. */
function checkMount(
  v: Validator,
  f: string,
  kind: "secret" | "config",
  m: FileMountArgs,
  paths: Set<string>,
) {
  strictObject(v, f, m, FILE_MOUNT_KEYS, "a file mount");
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
    v.fail(`${f}.mountPath`, m.mountPath, "is already mounted in this container", "a distinct mount path");
  paths.add(m.mountPath);
}

/**
 * A container's volumes: a private `/tmp` emptyDir of `tmpSize` (smaller than the container's
 * ephemeral-storage limit: see `tmpSizeLimit`), then its Secrets (mode 0440) and ConfigMaps (0444), all
 * read-only.
 */
export function containerVolumes(
  v: Validator,
  field: string,
  name: string,
  c: InitContainerArgs,
  tmpSize: string,
): ContainerVolumes {
  const tmpVolume = `tmp-${name}`;
  const volumes: k8s.core.v1.Volume[] = [{ name: tmpVolume, emptyDir: { sizeLimit: tmpSize } }];
  const mounts: k8s.core.v1.VolumeMount[] = [{ name: tmpVolume, mountPath: "/tmp" }];
  const paths = new Set<string>(["/tmp"]);
  for (const kind of ["secret", "config"] as const) {
    const argName = kind === "secret" ? "secretMounts" : "configMounts";
    const list = c[argName] ?? [];
    if (!Array.isArray(list))
      v.fail(`${field}.${argName}`, list, "is not an array", "a list of { name, mountPath }");
    list.forEach((m, i) => {
      checkMount(v, `${field}.${argName}[${i}]`, kind, m, paths);
      const vol = volumeName(kind, m.name);
      volumes.push(
        kind === "secret"
          ? { name: vol, secret: { secretName: m.name, defaultMode: 0o440 } }
          : { name: vol, configMap: { name: m.name, defaultMode: 0o444 } },
      );
      mounts.push({ name: vol, mountPath: m.mountPath, readOnly: true });
    });
  }
  return { volumes, mounts };
}

/**
 * The pod's volumes, one per name. Containers mounting the same Secret share its volume; two different
 * sources under one name would silently mount the wrong one, so that is refused (names are hashed above,
 * this is the backstop).
 */
export function podVolumes(
  v: Validator,
  built: readonly { readonly name: string; readonly volumes: readonly k8s.core.v1.Volume[] }[],
): k8s.core.v1.Volume[] {
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
  return [...volumes.values()];
}
