// Kubernetes (any cluster, EKS, GKE and AKS alike): the objects programs deploy and the controls reviewers
// expect of each, from Checkov's catalogue, CIS Kubernetes v1.8 (section 5, policies) and the Pod Security
// Standards. The managed services' own controls are in the AWS, Google Cloud and Azure matrices.
import { CloudCoverage, control as c, covered, gap, notCovered } from "./model";

const WORKLOADS = [
  "kubernetes:core/v1:Pod",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:apps/v1:ReplicaSet",
  "kubernetes:batch/v1:Job",
  "kubernetes:batch/v1:CronJob",
];

export const kubernetes: CloudCoverage = {
  cloud: "Kubernetes",
  area: "kubernetes",
  benchmarks: ["CIS Kubernetes Benchmark v1.8.0 (section 5)", "Pod Security Standards (Kubernetes 1.25+)"],
  services: [
    {
      service: "Pod security (every workload kind)",
      types: WORKLOADS,
      checkov: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"],
      controls: [
        c("Not privileged", ["CKV_K8S_16", "CIS Kubernetes 5.2.2"], covered("k8s-no-privileged")),
        c(
          "No host network, PID, IPC or ports",
          [
            "CKV_K8S_17",
            "CKV_K8S_18",
            "CKV_K8S_19",
            "CKV_K8S_26",
            "CIS Kubernetes 5.2.3",
            "CIS Kubernetes 5.2.4",
            "CIS Kubernetes 5.2.5",
            "CIS Kubernetes 5.2.13",
          ],
          covered("k8s-no-host-access"),
        ),
        c("No hostPath volumes", ["CIS Kubernetes 5.2.12"], covered("k8s-no-host-path")),
        c(
          "Runs as non-root, high UID",
          ["CKV_K8S_23", "CKV_K8S_40", "CIS Kubernetes 5.2.7"],
          covered("k8s-run-as-non-root", "k8s-high-uid"),
        ),
        c(
          "No privilege escalation",
          ["CKV_K8S_20", "CIS Kubernetes 5.2.6"],
          covered("k8s-no-privilege-escalation"),
        ),
        c(
          "Capabilities dropped (NET_RAW included), none added",
          [
            "CKV_K8S_28",
            "CKV_K8S_37",
            "CIS Kubernetes 5.2.8",
            "CIS Kubernetes 5.2.9",
            "CIS Kubernetes 5.2.10",
          ],
          covered("k8s-drop-all-capabilities"),
        ),
        c("Read-only root filesystem", ["CKV_K8S_22"], covered("k8s-read-only-root-filesystem")),
        c(
          "Seccomp RuntimeDefault",
          ["CKV_K8S_31", "CIS Kubernetes 5.7.2"],
          covered("k8s-seccomp-runtime-default"),
        ),
        c("No Windows HostProcess", ["CIS Kubernetes 5.2.11"], covered("k8s-no-host-process")),
        c(
          "AppArmor, SELinux, /proc mount, sysctls, volume types (PSS)",
          [],
          covered(
            "k8s-apparmor-not-unconfined",
            "k8s-selinux-options",
            "k8s-default-proc-mount",
            "k8s-safe-sysctls",
            "k8s-restricted-volume-types",
          ),
        ),
      ],
    },
    {
      service: "Workloads",
      types: WORKLOADS,
      checkov: ["Deployment", "StatefulSet", "DaemonSet"],
      controls: [
        c(
          "CPU and memory requests and limits",
          ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"],
          covered("k8s-resources"),
        ),
        c("Liveness and readiness probes", ["CKV_K8S_8", "CKV_K8S_9"], covered("k8s-probes")),
        c("Images pinned to a tag or digest", ["CKV_K8S_14", "CKV_K8S_43"], covered("k8s-image-pinned")),
        c(
          "Dedicated ServiceAccount, token not mounted",
          ["CKV_K8S_38", "CKV_K8S_41", "CIS Kubernetes 5.1.5", "CIS Kubernetes 5.1.6"],
          covered("k8s-service-account-token"),
        ),
        c(
          "Secrets as files, not env",
          ["CKV_K8S_35", "CIS Kubernetes 5.4.1"],
          covered("k8s-no-secrets-in-env"),
        ),
        c("No plaintext secrets in env", [], covered("k8s-no-plaintext-secrets-in-env")),
        c("Selected by a NetworkPolicy", ["CIS Kubernetes 5.3.2"], covered("k8s-workload-network-policy")),
        c(
          "PodDisruptionBudget and replicas in prod",
          [],
          covered("k8s-workload-disruption-budget", "k8s-workload-availability"),
        ),
        c("Jobs bounded: a run deadline, no unbounded CronJob concurrency", [], covered("k8s-job-bounded")),
        c("CronJob time zone explicit", [], covered("k8s-cronjob-time-zone")),
        c(
          "Images from approved registries",
          ["CIS EKS 5.1.4"],
          gap("a rule with an `allowedRegistries` knob would read every image"),
        ),
      ],
    },
    {
      service: "Namespaces",
      types: [
        "kubernetes:core/v1:Namespace",
        "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        "kubernetes:core/v1:ResourceQuota",
      ],
      checkov: ["Namespace"],
      controls: [
        c(
          "Pod Security Admission restricted",
          ["CIS Kubernetes 5.2.1", "CIS GKE 4.2.1"],
          covered("k8s-namespace-restricted"),
        ),
        c("Default-deny NetworkPolicy", ["CIS Kubernetes 5.3.2"], covered("k8s-namespace-default-deny")),
        c(
          "Egress rules name their destinations",
          ["CIS Kubernetes 5.3.2"],
          covered("k8s-network-policy-egress-destination"),
        ),
        c("No egress to the instance metadata service", [], covered("k8s-network-policy-metadata")),
        c("ResourceQuota and LimitRange", [], covered("k8s-namespace-quota")),
        c(
          "Objects not in `default`",
          ["CKV_K8S_21", "CIS Kubernetes 5.7.4"],
          covered("k8s-not-default-namespace"),
        ),
      ],
    },
    {
      service: "Services and Ingress",
      types: ["kubernetes:core/v1:Service", "kubernetes:networking.k8s.io/v1:Ingress"],
      checkov: ["Service", "Ingress"],
      controls: [
        c("No NodePort; ClusterIP unless asked", [], covered("k8s-service-type")),
        c("No externalIPs (CVE-2020-8554)", [], covered("k8s-service-external-ips")),
        c("Public LoadBalancers marked or waived", [], covered("k8s-service-public-load-balancer")),
        c("Ingress with TLS", ["CIS EKS 5.4.5"], covered("k8s-ingress-tls")),
      ],
    },
    {
      service: "RBAC",
      types: [
        "kubernetes:rbac.authorization.k8s.io/v1:Role",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
      ],
      checkov: ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
      controls: [
        c("No wildcards", ["CKV_K8S_49", "CIS Kubernetes 5.1.3"], covered("k8s-rbac-no-wildcard")),
        c(
          "No bind, escalate, impersonate",
          ["CKV_K8S_157", "CKV_K8S_158", "CIS Kubernetes 5.1.8"],
          covered("k8s-rbac-escalation-verbs"),
        ),
        c(
          "Secret reads, pod creation, PV creation, node proxy, CSR approval, webhooks, token creation minimized",
          [
            "CIS Kubernetes 5.1.2",
            "CIS Kubernetes 5.1.4",
            "CIS Kubernetes 5.1.9",
            "CIS Kubernetes 5.1.10",
            "CIS Kubernetes 5.1.11",
            "CIS Kubernetes 5.1.12",
            "CIS Kubernetes 5.1.13",
          ],
          covered(
            "k8s-rbac-secrets-access",
            "k8s-rbac-pod-create",
            "k8s-rbac-persistent-volume-create",
            "k8s-rbac-node-proxy",
            "k8s-rbac-csr-approval",
            "k8s-rbac-admission-webhooks",
            "k8s-rbac-token-create",
          ),
        ),
        c(
          "cluster-admin only where required; nothing for anonymous; default ServiceAccounts unbound",
          ["CIS Kubernetes 5.1.1", "CIS Kubernetes 5.1.5"],
          covered(
            "k8s-rbac-cluster-admin-binding",
            "k8s-rbac-anonymous-binding",
            "k8s-rbac-default-service-account",
          ),
        ),
        c(
          "No system:masters",
          ["CIS Kubernetes 5.1.7"],
          gap("the anonymous-binding rule would also refuse subjects in system:masters"),
        ),
      ],
    },
    {
      service: "Every Kubernetes object",
      types: [],
      checkov: [],
      controls: [
        c("Recommended labels", [], covered("k8s-required-labels")),
        c(
          "Admission control, audit logging, encryption at rest of the API server",
          ["CIS Kubernetes 5.2.1"],
          notCovered(
            "cluster configuration: the managed services' matrices (EKS, GKE, AKS) cover what a program can set",
          ),
        ),
      ],
    },
  ],
};
