// The remaining controls of the Pod Security Standards, beside pod-security.ts: Windows HostProcess,
// AppArmor, SELinux, /proc mount, sysctls (baseline) and volume types (restricted), each as the
// Standards define it, over every pod template.
import { ResourceRule } from "../../runtime";
import { record, records } from "../../runtime/props";
import { containerRule, effective, podRule, podTemplate } from "./pod";

/** The sysctls the baseline Standard calls safe (Kubernetes 1.29). */
export const SAFE_SYSCTLS = [
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
];

/** The volume types the restricted Standard allows (hostPath is k8s-no-host-path's finding). */
export const RESTRICTED_VOLUME_TYPES = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
];

/** SELinux types the baseline Standard allows (unset included). */
const SELINUX_TYPES = ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"];
const APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

export const podStandardRules: ResourceRule[] = [
  containerRule(
    {
      name: "k8s-no-host-process",
      severity: "critical",
      description: "Windows containers do not run as HostProcess, which gives them the node's privileges.",
      remediationSteps:
        "Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers.",
      references: ["PSS baseline"],
    },
    ({ c, label }, report, pod) => {
      if (record(effective(pod, c, "windowsOptions")).hostProcess === true)
        report(`${label} is a HostProcess`);
    },
  ),
  containerRule(
    {
      name: "k8s-apparmor-not-unconfined",
      severity: "high",
      description: "No container runs with the AppArmor profile `Unconfined`.",
      remediationSteps:
        "Use `appArmorProfile.type: RuntimeDefault` (or Localhost), or leave it to the runtime default.",
      references: ["PSS baseline"],
    },
    ({ c, label }, report, pod, args) => {
      // The annotation form predates the field (Kubernetes < 1.30) and sits on the pod's metadata.
      const annotations = record(podTemplate(args.type, args.props)?.metadata.annotations);
      const annotated = annotations[`${APPARMOR_ANNOTATION}${String(c.name)}`];
      if (record(effective(pod, c, "appArmorProfile")).type === "Unconfined" || annotated === "unconfined")
        report(`${label} runs AppArmor-unconfined`);
    },
  ),
  containerRule(
    {
      name: "k8s-selinux-options",
      severity: "high",
      description:
        "SELinux options set no custom user or role, and a type only among container_t, container_init_t, container_kvm_t and container_engine_t.",
      remediationSteps: "Remove `seLinuxOptions.user` and `role`, and any other `type`; a `level` may stay.",
      references: ["PSS baseline"],
    },
    ({ c, label }, report, pod) => {
      const se = record(effective(pod, c, "seLinuxOptions"));
      if (se.type !== undefined && se.type !== "" && !SELINUX_TYPES.includes(String(se.type)))
        report(`${label}: SELinux type ${String(se.type)}`);
      for (const key of ["user", "role"])
        if (se[key] !== undefined && se[key] !== "") report(`${label}: SELinux ${key} ${String(se[key])}`);
    },
  ),
  containerRule(
    {
      name: "k8s-default-proc-mount",
      severity: "high",
      description: "Containers keep the default /proc mount, masked and read-only where the runtime says.",
      remediationSteps: "Remove `securityContext.procMount` or set it to `Default`.",
      references: ["PSS baseline"],
    },
    ({ c, label }, report) => {
      const mount = record(c.securityContext).procMount;
      if (mount !== undefined && mount !== "Default") report(`${label}: procMount is ${String(mount)}`);
    },
  ),
  podRule(
    {
      name: "k8s-safe-sysctls",
      severity: "high",
      description:
        "Pods set only the sysctls the baseline Standard calls safe (namespaced, isolated from the node).",
      remediationSteps:
        "Remove the sysctl, or list it in `allowedSysctls` once its effect on the node is understood.",
      references: ["PSS baseline"],
      configSchema: {
        properties: {
          allowedSysctls: {
            type: "array",
            items: { type: "string" },
            default: SAFE_SYSCTLS,
            description: "Sysctls a pod may set.",
          },
        },
      },
    },
    (pod, report, args) => {
      const allowed = args.getConfig<{ allowedSysctls?: string[] }>().allowedSysctls ?? SAFE_SYSCTLS;
      for (const s of records(record(pod.securityContext).sysctls))
        if (!allowed.includes(String(s.name))) report(`sysctl ${String(s.name)} is not allowed`);
    },
  ),
  podRule(
    {
      name: "k8s-restricted-volume-types",
      severity: "high",
      description:
        "Pods use only the volume types the restricted Standard allows: configMap, csi, downwardAPI, emptyDir, " +
        "ephemeral, persistentVolumeClaim, projected and secret.",
      remediationSteps:
        "Reach storage through a PersistentVolumeClaim (the PersistentVolume may use any type), or list the type in `allowedVolumeTypes`.",
      references: ["PSS restricted"],
      configSchema: {
        properties: {
          allowedVolumeTypes: {
            type: "array",
            items: { type: "string" },
            default: RESTRICTED_VOLUME_TYPES,
            description: "Volume types a pod may use (hostPath is always left to k8s-no-host-path).",
          },
        },
      },
    },
    (pod, report, args) => {
      const allowed =
        args.getConfig<{ allowedVolumeTypes?: string[] }>().allowedVolumeTypes ?? RESTRICTED_VOLUME_TYPES;
      for (const v of records(pod.volumes)) {
        const types = Object.keys(v).filter((k) => k !== "name" && k !== "hostPath" && !allowed.includes(k));
        if (types.length > 0) report(`volume "${String(v.name)}" is of type ${types.join(", ")}`);
      }
    },
  ),
];
