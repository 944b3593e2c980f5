// Kubernetes rules beyond pod security, each with a passing and a failing program: RBAC, Service
// exposure, Ingress TLS, hostPath volumes, and every pod-bearing kind read through its pod template.
import * as assert from "assert";
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as batchv1 from "@pulumi/kubernetes/batch/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import * as rbacv1 from "@pulumi/kubernetes/rbac/v1";
import type * as k8sInput from "@pulumi/kubernetes/types/input";
import { synth } from "../../testing";
import { PolicyReport, evaluatePolicies } from "../../check";
import { LABELS, containerWithSecurity, podSpec } from "./kit";

interface Run {
  readonly preview?: boolean;
  readonly config?: Record<string, unknown>;
}

async function run(program: () => void, o: Run = {}): Promise<PolicyReport> {
  const graph = await synth(program, { preview: o.preview ?? false, stack: "dev", project: "k8s" });
  return evaluatePolicies(graph, { config: o.config });
}

/** `name: finding` of a violation (the engine puts the policy's description before the finding). */
function said(v: PolicyReport["violations"][number]): string {
  return `${v.urn?.split("::").pop()}: ${v.message.split("\n").pop()}`;
}

/** `name: finding` of each violation of `policy`, sorted. */
async function found(policy: string, program: () => void, o: Run = {}): Promise<string[]> {
  const report = await run(program, o);
  return report.violations
    .filter((v) => v.policy === policy)
    .map(said)
    .sort();
}

const META = { namespace: "apps", labels: LABELS };
const RBAC_GROUP = "rbac.authorization.k8s.io";
const REF = (name: string): k8sInput.rbac.v1.RoleRef => ({
  apiGroup: RBAC_GROUP,
  kind: "ClusterRole",
  name,
});

/** A ClusterRoleBinding of the ClusterRole `role`. */
function clusterBinding(name: string, role: string, subjects: k8sInput.rbac.v1.Subject[]): void {
  new rbacv1.ClusterRoleBinding(name, { metadata: { labels: LABELS }, roleRef: REF(role), subjects });
}
const user = (name: string): k8sInput.rbac.v1.Subject => ({ kind: "User", name, apiGroup: RBAC_GROUP });
const group = (name: string): k8sInput.rbac.v1.Subject => ({ kind: "Group", name, apiGroup: RBAC_GROUP });

describe("kubernetes RBAC rules", function () {
  this.timeout(120_000);

  it("a least-privilege Role bound to a ServiceAccount passes every RBAC rule", async () => {
    const report = await run(() => {
      new rbacv1.Role("reader", {
        metadata: { name: "reader", ...META },
        rules: [{ apiGroups: ["*"], resources: ["configmaps"], verbs: ["get", "list", "watch"] }],
      });
      new rbacv1.RoleBinding("reader", {
        metadata: { name: "reader", ...META },
        roleRef: { ...REF("reader"), kind: "Role" },
        subjects: [{ kind: "ServiceAccount", name: "app", namespace: "apps" }],
      });
    });
    assert.deepStrictEqual(
      report.violations.filter((v) => v.policy.startsWith("k8s-rbac")),
      [],
    );
  });

  it("flags wildcard verbs and resources, in Patch variants too, not a wildcard API group", async () => {
    const v = await found("k8s-rbac-no-wildcard", () => {
      new rbacv1.ClusterRolePatch("edit-all", {
        metadata: { name: "edit-all", labels: LABELS },
        rules: [
          { apiGroups: [""], resources: ["pods"], verbs: ["get"] },
          { apiGroups: [""], resources: ["secrets"], verbs: ["*"] },
        ],
      });
    });
    assert.deepStrictEqual(v, ['edit-all: rules[1] grants verbs "*"']);
  });

  it("flags escalate, bind and impersonate", async () => {
    const v = await found("k8s-rbac-escalation-verbs", () => {
      new rbacv1.ClusterRole("sudo", {
        metadata: { name: "sudo", labels: LABELS },
        rules: [
          { apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] },
          {
            apiGroups: ["rbac.authorization.k8s.io"],
            resources: ["clusterroles"],
            verbs: ["get", "escalate"],
          },
        ],
      });
    });
    assert.deepStrictEqual(v, [
      "sudo: rules[0] grants impersonate on users, groups",
      "sudo: rules[1] grants escalate on clusterroles",
    ]);
  });

  it("flags reading Secrets and creating pods, not other verbs or resources (advisory)", async () => {
    const report = await run(() => {
      new rbacv1.Role("ops", {
        metadata: { name: "ops", ...META },
        rules: [
          { apiGroups: [""], resources: ["secrets", "configmaps"], verbs: ["list", "create"] },
          { apiGroups: [""], resources: ["pods"], verbs: ["get", "create"] },
          { apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] },
        ],
      });
    });
    const v = report.violations
      .filter((x) => x.policy === "k8s-rbac-secrets-access" || x.policy === "k8s-rbac-pod-create")
      .map((x) => `${x.policy} ${x.enforcementLevel} ${said(x)}`);
    assert.deepStrictEqual(v, [
      "k8s-rbac-secrets-access advisory ops: rules[0] grants list on secrets, configmaps",
      "k8s-rbac-pod-create advisory ops: rules[1] grants create on pods",
    ]);
  });

  it("flags the CIS 5.1.9–5.1.13 grants (advisory), and reading those objects is no finding", async () => {
    const rules: [string, string, string][] = [
      ["", "persistentvolumes", "create"],
      ["", "nodes/proxy", "get"],
      ["certificates.k8s.io", "certificatesigningrequests/approval", "update"],
      ["admissionregistration.k8s.io", "mutatingwebhookconfigurations", "patch"],
      ["", "serviceaccounts/token", "create"],
    ];
    const report = await run(() => {
      new rbacv1.ClusterRole("powers", {
        metadata: { name: "powers", labels: LABELS },
        rules: rules.map(([group, resource, verb]) => ({
          apiGroups: [group],
          resources: [resource],
          verbs: [verb],
        })),
      });
      new rbacv1.ClusterRole("reader", {
        metadata: { name: "reader", labels: LABELS },
        rules: rules.map(([group, resource]) => ({
          apiGroups: [group],
          resources: [resource],
          verbs: resource === "nodes/proxy" ? [] : ["get", "list", "watch"],
        })),
      });
    });
    const v = report.violations
      .filter((x) => x.policy.startsWith("k8s-rbac-"))
      .map((x) => `${x.policy} ${x.enforcementLevel} ${said(x)}`)
      .sort();
    assert.deepStrictEqual(v, [
      "k8s-rbac-admission-webhooks advisory powers: rules[3] grants patch on mutatingwebhookconfigurations",
      "k8s-rbac-csr-approval advisory powers: rules[2] grants update on certificatesigningrequests/approval",
      "k8s-rbac-node-proxy advisory powers: rules[1] grants get on nodes/proxy",
      "k8s-rbac-persistent-volume-create advisory powers: rules[0] grants create on persistentvolumes",
      "k8s-rbac-token-create advisory powers: rules[4] grants create on serviceaccounts/token",
    ]);
  });

  it("flags a role bound to a namespace's default ServiceAccount", async () => {
    const v = await found("k8s-rbac-default-service-account", () => {
      new rbacv1.RoleBinding("default-edit", {
        metadata: { name: "default-edit", ...META },
        roleRef: REF("edit"),
        subjects: [
          { kind: "ServiceAccount", name: "default", namespace: "apps" },
          { kind: "ServiceAccount", name: "api", namespace: "apps" },
        ],
      });
    });
    assert.deepStrictEqual(v, [
      'default-edit: binds ClusterRole "edit" to the default ServiceAccount of "apps"',
    ]);
  });

  const admins = (): void => {
    clusterBinding("everyone", "cluster-admin", [group("system:authenticated"), user("alice")]);
    clusterBinding("gitops", "cluster-admin", [
      { kind: "ServiceAccount", name: "argocd-application-controller", namespace: "argocd" },
    ]);
    new rbacv1.RoleBinding("platform", {
      metadata: { name: "platform", ...META },
      roleRef: REF("platform-admin"),
      subjects: [{ kind: "ServiceAccount", name: "deployer", namespace: "apps" }],
    });
  };

  it("flags cluster-admin bound to ServiceAccounts or system:authenticated, never to a named user", async () => {
    assert.deepStrictEqual(await found("k8s-rbac-cluster-admin-binding", admins), [
      'everyone: binds ClusterRole "cluster-admin" to every authenticated user (group system:authenticated)',
      'gitops: binds ClusterRole "cluster-admin" to ServiceAccount "argocd/argocd-application-controller"',
    ]);
  });

  it("knobs: allowed ServiceAccounts, and further roles treated as cluster-admin", async () => {
    const config = {
      "k8s-rbac-cluster-admin-binding": {
        adminRoles: ["cluster-admin", "platform-admin"],
        allowedServiceAccounts: ["argocd/argocd-application-controller"],
      },
    };
    assert.deepStrictEqual(await found("k8s-rbac-cluster-admin-binding", admins, { config }), [
      'everyone: binds ClusterRole "cluster-admin" to every authenticated user (group system:authenticated)',
      'platform: binds ClusterRole "platform-admin" to ServiceAccount "apps/deployer"',
    ]);
  });

  it("preview: an unknown ServiceAccount name is still a finding, undecided only when names are allowed", async () => {
    const program = (): void => {
      const sa = new corev1.ServiceAccount("ci", { metadata: META });
      // Known once the account exists, as an auto-generated name is.
      const name = sa.id.apply(() => "ci");
      clusterBinding("ci", "cluster-admin", [{ kind: "ServiceAccount", name, namespace: "apps" }]);
    };
    assert.deepStrictEqual(await found("k8s-rbac-cluster-admin-binding", program, { preview: true }), [
      'ci: binds ClusterRole "cluster-admin" to ServiceAccount "apps/?"',
    ]);
    const config = { "k8s-rbac-cluster-admin-binding": { allowedServiceAccounts: ["ops/backup"] } };
    const report = await run(program, { preview: true, config });
    assert.deepStrictEqual(
      report.violations.filter((v) => v.policy === "k8s-rbac-cluster-admin-binding"),
      [],
    );
    assert.strictEqual(
      report.undecided.filter((u) => u.policy === "k8s-rbac-cluster-admin-binding").length,
      1,
    );
    assert.deepStrictEqual(await found("k8s-rbac-cluster-admin-binding", program, { config }), [
      'ci: binds ClusterRole "cluster-admin" to ServiceAccount "apps/ci"',
    ]);
  });

  it("flags any role bound to system:anonymous or system:unauthenticated", async () => {
    const v = await found("k8s-rbac-anonymous-binding", () => {
      clusterBinding("anon", "healthz-reader", [user("system:anonymous"), group("system:authenticated")]);
    });
    assert.deepStrictEqual(v, ['anon: binds ClusterRole "healthz-reader" to User system:anonymous']);
  });
});

describe("kubernetes exposure rules", function () {
  this.timeout(120_000);

  const service = (name: string, type: string, annotations: Record<string, string> = {}): void => {
    new corev1.Service(name, {
      metadata: { name, ...META, annotations },
      spec: { type, selector: { app: name }, ports: [{ port: 443 }] },
    });
  };

  it("NodePort is flagged outside the allowed namespaces; ClusterIP and LoadBalancer are not", async () => {
    const program = (): void => {
      service("plain", "ClusterIP");
      service("node", "NodePort");
      service("lb", "LoadBalancer");
    };
    assert.deepStrictEqual(await found("k8s-service-type", program), ["node: Service type is NodePort"]);
    const config = { "k8s-service-type": { allowedNodePortNamespaces: ["apps"] } };
    assert.deepStrictEqual(await found("k8s-service-type", program, { config }), []);
  });

  it("externalIPs are flagged on any Service type; a Service without them passes", async () => {
    const v = await found("k8s-service-external-ips", () => {
      service("plain", "ClusterIP");
      new corev1.Service("claim", {
        metadata: { name: "claim", ...META },
        spec: { type: "LoadBalancer", externalIPs: ["203.0.113.10", "203.0.113.11"], ports: [{ port: 80 }] },
      });
    });
    assert.deepStrictEqual(v, ["claim: Service claims externalIPs 203.0.113.10, 203.0.113.11"]);
  });

  it("a LoadBalancer is advisory unless a cloud's internal annotation says internal", async () => {
    const program = (): void => {
      service("aws", "LoadBalancer", { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" });
      service("aws-scheme", "LoadBalancer", {
        "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
      });
      service("gke", "LoadBalancer", { "networking.gke.io/load-balancer-type": "Internal" });
      service("azure", "LoadBalancer", { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" });
      service("public", "LoadBalancer", {
        "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
      });
    };
    const report = await run(program);
    const v = report.violations.filter((x) => x.policy === "k8s-service-public-load-balancer");
    assert.deepStrictEqual(
      v.map((x) => [x.urn?.split("::").pop(), x.enforcementLevel]),
      [["public", "advisory"]],
    );
  });

  const ingress = (name: string, hosts: string[], tls?: k8sInput.networking.v1.IngressTLS[]): void => {
    const backend = { service: { name: "web", port: { number: 8080 } } };
    new networkingv1.Ingress(name, {
      metadata: { name, ...META },
      spec: {
        tls,
        rules: hosts.map((host) => ({
          host,
          http: { paths: [{ path: "/", pathType: "Prefix", backend }] },
        })),
      },
    });
  };

  it("an Ingress serves TLS for each host (wildcards cover one label)", async () => {
    const v = await found("k8s-ingress-tls", () => {
      ingress("covered", ["shop.example.com"], [{ hosts: ["shop.example.com"], secretName: "shop-tls" }]);
      ingress("wild", ["a.example.com", "a.b.example.com"], [{ hosts: ["*.example.com"] }]);
      ingress("plain", ["shop.example.com"]);
    });
    assert.deepStrictEqual(v, [
      "plain: spec.tls is empty: the Ingress serves plain HTTP",
      'wild: host "a.b.example.com" has no spec.tls entry',
    ]);
  });

  it("an Ingress behind a TLS-terminating load balancer passes when its annotation is configured", async () => {
    const program = (): void => {
      new networkingv1.Ingress("alb", {
        metadata: { ...META, annotations: { "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:x" } },
        spec: { rules: [{ host: "shop.example.com" }] },
      });
    };
    assert.strictEqual((await found("k8s-ingress-tls", program)).length, 1);
    const config = {
      "k8s-ingress-tls": { externalTlsAnnotations: ["alb.ingress.kubernetes.io/certificate-arn"] },
    };
    assert.deepStrictEqual(await found("k8s-ingress-tls", program, { config }), []);
  });

  it("preview: TLS hosts that are not known yet leave the Ingress undecided", async () => {
    const program = (): void => {
      const cert = new corev1.Secret("cert", { metadata: META, type: "kubernetes.io/tls" });
      const host = cert.id.apply(() => "shop.example.com");
      new networkingv1.Ingress("late", {
        metadata: META,
        spec: {
          tls: [{ hosts: [host] }],
          rules: [{ host: "other.example.com" }],
        },
      });
    };
    const preview = await run(program, { preview: true });
    assert.deepStrictEqual(
      preview.violations.filter((v) => v.policy === "k8s-ingress-tls"),
      [],
    );
    assert.strictEqual(preview.undecided.filter((u) => u.policy === "k8s-ingress-tls").length, 1);
    assert.deepStrictEqual(await found("k8s-ingress-tls", program), [
      'late: host "other.example.com" has no spec.tls entry',
    ]);
  });
});

/** Each pod-bearing kind with `spec` as its pod template's spec. */
const KINDS: Record<string, (name: string, spec: k8sInput.core.v1.PodSpec) => void> = {
  Pod: (name, spec) => new corev1.Pod(name, { metadata: META, spec }),
  Deployment: (name, spec) =>
    new appsv1.Deployment(name, { metadata: META, spec: { selector: {}, template: { spec } } }),
  StatefulSet: (name, spec) =>
    new appsv1.StatefulSet(name, {
      metadata: META,
      spec: { serviceName: name, selector: {}, template: { spec } },
    }),
  DaemonSet: (name, spec) =>
    new appsv1.DaemonSet(name, { metadata: META, spec: { selector: {}, template: { spec } } }),
  ReplicaSet: (name, spec) =>
    new appsv1.ReplicaSet(name, { metadata: META, spec: { selector: {}, template: { spec } } }),
  Job: (name, spec) => new batchv1.Job(name, { metadata: META, spec: { template: { spec } } }),
  CronJob: (name, spec) =>
    new batchv1.CronJob(name, {
      metadata: META,
      spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec } } } },
    }),
};

describe("every pod-bearing kind", function () {
  this.timeout(120_000);

  it("is read through its pod template, init and ephemeral containers and volumes included", async () => {
    const bad = podSpec({
      initContainers: [{ ...containerWithSecurity({ allowPrivilegeEscalation: true }), name: "init" }],
      ephemeralContainers: [{ ...containerWithSecurity({ privileged: true }), name: "debug" }],
      volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
    });
    const report = await run(() => {
      for (const [kind, make] of Object.entries(KINDS)) {
        make(`bad-${kind.toLowerCase()}`, bad);
        make(`good-${kind.toLowerCase()}`, podSpec());
      }
    });
    const on = (policy: string): string[] =>
      report.violations
        .filter((v) => v.policy === policy)
        .map(said)
        .sort();
    const names = Object.keys(KINDS)
      .map((k) => `bad-${k.toLowerCase()}`)
      .sort();
    assert.deepStrictEqual(
      on("k8s-no-privileged"),
      names.map((n) => `${n}: ephemeralContainer "debug" is privileged`),
    );
    assert.deepStrictEqual(
      on("k8s-no-privilege-escalation"),
      names.map((n) => `${n}: initContainer "init": allowPrivilegeEscalation is not false`),
    );
    assert.deepStrictEqual(
      on("k8s-no-host-path"),
      names.map((n) => `${n}: volume "docker" is the hostPath /var/run/docker.sock`),
    );
    assert.deepStrictEqual(on("k8s-no-host-access"), []);
  });

  it("hostPath: configured paths may be mounted read-only, never writable", async () => {
    const mounted = (readOnly: boolean): k8sInput.core.v1.PodSpec => {
      const c = containerWithSecurity({});
      return podSpec({
        containers: [{ ...c, volumeMounts: [{ name: "logs", mountPath: "/host/logs", readOnly }] }],
        volumes: [{ name: "logs", hostPath: { path: "/var/log/pods" } }],
      });
    };
    const program = (): void => {
      KINDS.DaemonSet("reader", mounted(true));
      KINDS.DaemonSet("writer", mounted(false));
    };
    const config = { "k8s-no-host-path": { allowedHostPaths: ["/var/log"] } };
    assert.deepStrictEqual(await found("k8s-no-host-path", program, { config }), [
      'writer: container "app" mounts the hostPath /var/log/pods writable',
    ]);
    assert.strictEqual((await found("k8s-no-host-path", program)).length, 2);
    const sibling = { "k8s-no-host-path": { allowedHostPaths: ["/var/lo"] } };
    assert.strictEqual((await found("k8s-no-host-path", program, { config: sibling })).length, 2);
  });
});

describe("the other Pod Security Standards controls", function () {
  this.timeout(120_000);
  const RULES = [
    "k8s-no-host-process",
    "k8s-apparmor-not-unconfined",
    "k8s-selinux-options",
    "k8s-default-proc-mount",
    "k8s-safe-sysctls",
    "k8s-restricted-volume-types",
  ];

  /** `name: finding` of the violations of these rules, sorted. */
  async function pss(program: () => void, config?: Record<string, unknown>): Promise<string[]> {
    const report = await run(program, { config });
    return report.violations
      .filter((v) => RULES.includes(v.policy))
      .map((v) => `${v.policy} ${said(v)}`)
      .sort();
  }

  it("allowed values pass: container_t with a level, RuntimeDefault, Default /proc, safe sysctls, PVC", async () => {
    const spec = podSpec({
      securityContext: {
        seccompProfile: { type: "RuntimeDefault" },
        runAsNonRoot: true,
        seLinuxOptions: { type: "container_t", level: "s0:c123,c456" },
        appArmorProfile: { type: "RuntimeDefault" },
        sysctls: [{ name: "net.ipv4.ip_local_port_range", value: "1024 65535" }],
      },
      containers: [{ ...containerWithSecurity({ procMount: "Default" }), name: "app" }],
      volumes: [
        { name: "data", persistentVolumeClaim: { claimName: "data" } },
        { name: "tmp", emptyDir: {} },
        { name: "conf", configMap: { name: "conf" } },
      ],
    });
    assert.deepStrictEqual(await pss(() => KINDS.Deployment("ok", spec)), []);
  });

  it("a container's own setting overrides the pod's, both ways", async () => {
    const spec = podSpec({
      securityContext: { ...(podSpec().securityContext as object), seLinuxOptions: { type: "spc_t" } },
      containers: [
        { ...containerWithSecurity({ seLinuxOptions: { type: "container_t" } }), name: "confined" },
        { ...containerWithSecurity({ appArmorProfile: { type: "Unconfined" } }), name: "loose" },
      ],
    });
    assert.deepStrictEqual(await pss(() => KINDS.Pod("mixed", spec)), [
      'k8s-apparmor-not-unconfined mixed: container "loose" runs AppArmor-unconfined',
      'k8s-selinux-options mixed: container "loose": SELinux type spc_t',
    ]);
  });

  it("reads the AppArmor annotation on the pod template and SELinux user and role", async () => {
    const v = await pss(() => {
      new appsv1.DaemonSet("agent", {
        metadata: META,
        spec: {
          selector: {},
          template: {
            metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } },
            spec: podSpec({
              containers: [
                {
                  ...containerWithSecurity({ seLinuxOptions: { user: "system_u", role: "system_r" } }),
                  name: "app",
                },
              ],
            }),
          },
        },
      });
    });
    assert.deepStrictEqual(v, [
      'k8s-apparmor-not-unconfined agent: container "app" runs AppArmor-unconfined',
      'k8s-selinux-options agent: container "app": SELinux role system_r',
      'k8s-selinux-options agent: container "app": SELinux user system_u',
    ]);
  });

  it("knobs: allowed sysctls and volume types; hostPath is left to k8s-no-host-path", async () => {
    const program = (): void =>
      KINDS.Job(
        "batch",
        podSpec({
          securityContext: {
            ...(podSpec().securityContext as object),
            sysctls: [{ name: "kernel.msgmax", value: "65536" }],
          },
          volumes: [
            { name: "share", nfs: { server: "10.0.0.5", path: "/exports" } },
            { name: "node", hostPath: { path: "/var/log" } },
          ],
        }),
      );
    assert.deepStrictEqual(await pss(program), [
      'k8s-restricted-volume-types batch: volume "share" is of type nfs',
      "k8s-safe-sysctls batch: sysctl kernel.msgmax is not allowed",
    ]);
    const config = {
      "k8s-safe-sysctls": { allowedSysctls: ["kernel.msgmax"] },
      "k8s-restricted-volume-types": { allowedVolumeTypes: ["nfs"] },
    };
    assert.deepStrictEqual(await pss(program, config), []);
  });
});
