// Pod Security Standards "restricted" over every pod template (init and ephemeral containers included):
// no privilege, no host namespaces, ports or paths, non-root high UIDs, no escalation, no capabilities,
// read-only root filesystem and a seccomp profile.
import { ResourceRule } from "../../runtime";
import { record, records, strings } from "../../runtime/props";
import { PSS, containerRule, containers, effective, podRule } from "./pod";

export const podSecurityRules: ResourceRule[] = [
  containerRule(
    {
      name: "k8s-no-privileged",
      severity: "critical",
      description: "Containers must not run privileged.",
      remediationSteps: "Remove `securityContext.privileged: true`.",
      references: ["CKV_K8S_16", "PSS baseline"],
    },
    ({ c, label }, report) => {
      if (c.securityContext?.privileged === true) report(`${label} is privileged`);
    },
  ),
  podRule(
    {
      name: "k8s-no-host-access",
      severity: "critical",
      description: "Pods must not use the host's network, PID or IPC namespaces, or bind host ports.",
      remediationSteps:
        "Remove hostNetwork/hostPID/hostIPC and `hostPort`; reach the pods through a Service.",
      references: [
        "CKV_K8S_17",
        "CKV_K8S_18",
        "CKV_K8S_19",
        "CKV_K8S_26",
        "PSS baseline",
        "CIS Kubernetes 5.2.13",
      ],
    },
    (pod, report) => {
      for (const key of ["hostNetwork", "hostPID", "hostIPC"] as const)
        if (pod[key] === true) report(`${key} is true`);
      for (const { c, label } of containers(pod)) {
        for (const p of records(c.ports))
          if (p.hostPort !== undefined && p.hostPort !== 0)
            report(`${label} binds hostPort ${String(p.hostPort)}`);
      }
    },
  ),
  podRule(
    {
      name: "k8s-no-host-path",
      severity: "critical",
      description:
        "Pods mount no hostPath volumes, which expose the node's filesystem; configured paths may be mounted read-only.",
      remediationSteps:
        "Use a PersistentVolumeClaim, emptyDir or projected volume; a node agent that needs a host path lists it " +
        "in `allowedHostPaths` and mounts it `readOnly`.",
      references: ["PSS baseline", "CIS Kubernetes 5.2.12"],
      configSchema: {
        properties: {
          allowedHostPaths: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Host paths (and what lies below them) that may be mounted, read-only only.",
          },
        },
      },
    },
    (pod, report, args) => {
      const allowed = args.getConfig<{ allowedHostPaths?: string[] }>().allowedHostPaths ?? [];
      for (const v of records(pod.volumes)) {
        if (v.hostPath === undefined) continue;
        const at = String(record(v.hostPath).path);
        const name = String(v.name);
        if (!allowed.some((a) => at === a || at.startsWith(`${a.replace(/\/$/, "")}/`))) {
          report(`volume "${name}" is the hostPath ${at}`);
          continue;
        }
        for (const { c, label } of containers(pod))
          for (const m of records(c.volumeMounts))
            if (m.name === name && m.readOnly !== true) report(`${label} mounts the hostPath ${at} writable`);
      }
    },
  ),
  containerRule(
    {
      name: "k8s-run-as-non-root",
      severity: "high",
      description: "Containers must run as a non-root user (runAsNonRoot, and never UID 0).",
      remediationSteps:
        "Set `securityContext.runAsNonRoot: true` and `runAsUser` ≥ 10000 on the pod or each container.",
      references: ["CKV_K8S_23", PSS],
    },
    ({ c, label }, report, pod) => {
      if (effective(pod, c, "runAsNonRoot") !== true) report(`${label}: runAsNonRoot is not true`);
      if (effective(pod, c, "runAsUser") === 0) report(`${label}: runAsUser is 0`);
    },
  ),
  containerRule(
    {
      name: "k8s-high-uid",
      severity: "medium",
      description: "Containers run with UID and GID ≥ 10000, away from host users.",
      remediationSteps: "Set `runAsUser` and `runAsGroup` to 10000 or more.",
      references: ["CKV_K8S_40"],
    },
    ({ c, label }, report, pod) => {
      for (const key of ["runAsUser", "runAsGroup"] as const) {
        const id = effective(pod, c, key);
        if (typeof id !== "number" || id < 10000)
          report(`${label}: ${key} is ${JSON.stringify(id ?? "unset")} (≥ 10000)`);
      }
    },
  ),
  containerRule(
    {
      name: "k8s-no-privilege-escalation",
      severity: "high",
      description: "Containers must set allowPrivilegeEscalation: false.",
      remediationSteps: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
      references: ["CKV_K8S_20", PSS],
    },
    ({ c, label }, report) => {
      if (c.securityContext?.allowPrivilegeEscalation !== false)
        report(`${label}: allowPrivilegeEscalation is not false`);
    },
  ),
  containerRule(
    {
      name: "k8s-drop-all-capabilities",
      severity: "high",
      description: "Containers drop ALL capabilities and add none beyond NET_BIND_SERVICE.",
      remediationSteps:
        'Set `securityContext.capabilities.drop: ["ALL"]`; add back only NET_BIND_SERVICE if needed.',
      references: ["CKV_K8S_28", "CKV_K8S_37", PSS],
    },
    ({ c, label }, report) => {
      const caps = record(record(c.securityContext).capabilities);
      if (!strings(caps.drop).includes("ALL")) report(`${label} does not drop ALL capabilities`);
      const add = strings(caps.add).filter((x) => x !== "NET_BIND_SERVICE");
      if (add.length > 0) report(`${label} adds capabilities ${add.join(", ")}`);
    },
  ),
  containerRule(
    {
      name: "k8s-read-only-root-filesystem",
      severity: "medium",
      description: "Containers have a read-only root filesystem (emptyDir for /tmp).",
      remediationSteps:
        "Set `securityContext.readOnlyRootFilesystem: true`; mount an emptyDir where the app writes.",
      references: ["CKV_K8S_22"],
    },
    ({ c, label }, report) => {
      if (c.securityContext?.readOnlyRootFilesystem !== true)
        report(`${label}: readOnlyRootFilesystem is not true`);
    },
    ["ephemeralContainer"],
  ),
  containerRule(
    {
      name: "k8s-seccomp-runtime-default",
      severity: "medium",
      description: "Pods use the RuntimeDefault (or Localhost) seccomp profile.",
      remediationSteps: "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.",
      references: ["CKV_K8S_31", PSS],
    },
    ({ c, label }, report, pod) => {
      const type = record(effective(pod, c, "seccompProfile")).type;
      if (type !== "RuntimeDefault" && type !== "Localhost")
        report(`${label}: seccomp profile is ${JSON.stringify(type ?? "unset")}`);
    },
  ),
];
