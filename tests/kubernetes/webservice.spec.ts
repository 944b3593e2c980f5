// WebService: the exact child set per profile, every BASELINE.md Kubernetes control on every container
// (main, sidecar, init), availability per profile, network admission, TLS-only Ingress, and bad inputs.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "@pulumi/kubernetes/provider";
import { Environment, shortHash } from "../../components/core";
import { WebService, WebServiceArgs } from "../../components/kubernetes";
import { parseQuantity } from "../../components/kubernetes/pod/resources";
import { GraphQuery, ResourceGraph, synth } from "../../testing";
import {
  T,
  KubeObject,
  assertOnlyStack,
  containersOf,
  kube,
  kubeResources,
  synthRejected,
  synthRejectedLater,
  validateKube,
  webServiceChildren,
} from "./helpers";

const CHILDREN = webServiceChildren("api");

/** The call with every container role: a main container, a sidecar and an init container. */
function fullArgs(environment: Environment, extra: Partial<WebServiceArgs> = {}): WebServiceArgs {
  return {
    namespace: "apps",
    environment,
    labels: { team: "payments" },
    annotations: { "example.com/owner": "payments" },
    containers: [
      {
        name: "api",
        image: "ghcr.io/acme/api:1.4.2",
        env: { LOG_LEVEL: "info" },
        secretMounts: [{ name: "api-db", mountPath: "/etc/api/db" }],
        configMounts: [{ name: "api-config", mountPath: "/etc/api/config" }],
      },
      {
        name: "proxy",
        image: "ghcr.io/acme/proxy@sha256:" + "a".repeat(64),
        port: 9901,
        probe: "tcp",
      },
    ],
    initContainers: [
      {
        name: "migrate",
        image: "ghcr.io/acme/migrate:1.4.2",
        secretMounts: [{ name: "api-db", mountPath: "/etc/api/db" }],
      },
    ],
    allowFromNamespaces: ["frontend"],
    allowFromPods: [{ "app.kubernetes.io/name": "worker" }],
    ...extra,
  };
}

async function synthService(
  environment: Environment,
  extra: Partial<WebServiceArgs> = {},
): Promise<{ graph: ResourceGraph; q: GraphQuery; get: (type: string, name: string) => KubeObject }> {
  const graph = await synth(() => {
    const cluster = new Provider("cluster", { kubeconfig: "{}" });
    new WebService("api", fullArgs(environment, extra), { provider: cluster });
  });
  const q = new GraphQuery(graph);
  return { graph, q, get: (type, name) => kube(q.one(type, name)) };
}

describe("kubernetes.WebService", () => {
  const graphs = new Map<Environment, Awaited<ReturnType<typeof synthService>>>();
  before(async () => {
    for (const env of ["dev", "staging", "prod"] as const) graphs.set(env, await synthService(env));
  });
  const prod = () => graphs.get("prod")!;

  describe("child set", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
      it(`creates exactly the six children under groundwork:kubernetes:WebService in ${env}`, () => {
        const { q } = graphs.get(env)!;
        const component = q.one("groundwork:kubernetes:WebService", "api");
        assert.deepStrictEqual(q.inventory(component.urn), [...CHILDREN].sort());
        for (const child of q.children(component.urn)) assert.strictEqual(child.parent, component.urn);
      });
    }

    it("adds the Ingress only when asked", async () => {
      const { q } = await synthService("prod", {
        ingress: true,
        ingressHost: "api.example.com",
        ingressTlsSecretName: "api-tls",
      });
      const component = q.one("groundwork:kubernetes:WebService", "api");
      assert.deepStrictEqual(q.inventory(component.urn), [...CHILDREN, `${T.ingress}::api-ingress`].sort());
    });

    it("passes the caller's provider to every child", () => {
      const { q } = prod();
      const provider = q.one(T.provider, "cluster");
      const children = q.descendants(q.one("groundwork:kubernetes:WebService", "api").urn);
      assert.strictEqual(children.length, CHILDREN.length);
      for (const child of children) {
        assert.ok(
          child.provider?.startsWith(`${provider.urn}::`),
          `${child.name} provider ${child.provider}`,
        );
      }
    });

    it("names every object after the component, in the given namespace, with app.kubernetes.io labels", () => {
      for (const r of kubeResources(prod().graph)) {
        const o = kube(r);
        assert.strictEqual(o.metadata.name, "api", r.name);
        assert.strictEqual(o.metadata.namespace, "apps", r.name);
        assert.notStrictEqual(o.metadata.namespace, "default");
        assert.deepStrictEqual(
          {
            name: o.metadata.labels?.["app.kubernetes.io/name"],
            instance: o.metadata.labels?.["app.kubernetes.io/instance"],
            managedBy: o.metadata.labels?.["app.kubernetes.io/managed-by"],
            environment: o.metadata.labels?.environment,
            team: o.metadata.labels?.team,
            owner: o.metadata.annotations?.["example.com/owner"],
          },
          {
            name: "api",
            instance: "api",
            managedBy: "groundwork",
            environment: "prod",
            team: "payments",
            owner: "payments",
          },
          r.name,
        );
      }
    });
  });

  describe("pod security (every container: main, sidecar, init)", () => {
    const pod = () => prod().get(T.deployment, "api-deployment").spec.template.spec;
    const each = () => containersOf(prod().get(T.deployment, "api-deployment"));

    it("has a main container, a sidecar and an init container to check", () => {
      assert.deepStrictEqual(
        each().map((x) => `${x.role}:${x.c.name}`),
        ["main:api", "sidecar:proxy", "init:migrate"],
      );
    });

    it("runs as non-root, pod and containers [CKV_K8S_23]", () => {
      assert.strictEqual(pod().securityContext.runAsNonRoot, true);
      for (const { role, c } of each()) assert.strictEqual(c.securityContext.runAsNonRoot, true, role);
    });

    it("uses UID and GID of at least 10000, pod and containers [CKV_K8S_40]", () => {
      const sc = pod().securityContext;
      for (const id of [sc.runAsUser, sc.runAsGroup, sc.fsGroup]) assert.ok(id >= 10000, String(id));
      for (const { role, c } of each()) {
        assert.ok(c.securityContext.runAsUser >= 10000, role);
        assert.ok(c.securityContext.runAsGroup >= 10000, role);
      }
    });

    it("forbids privilege escalation [CKV_K8S_20]", () => {
      for (const { role, c } of each())
        assert.strictEqual(c.securityContext.allowPrivilegeEscalation, false, role);
    });

    it("is never privileged [CKV_K8S_16]", () => {
      for (const { role, c } of each()) assert.strictEqual(c.securityContext.privileged, false, role);
    });

    it("keeps the root filesystem read-only with a private emptyDir on /tmp [CKV_K8S_22]", () => {
      const volumes = pod().volumes;
      for (const { role, c } of each()) {
        assert.strictEqual(c.securityContext.readOnlyRootFilesystem, true, role);
        const tmp = c.volumeMounts.find((m: { mountPath: string }) => m.mountPath === "/tmp");
        assert.ok(tmp, `${role} has no /tmp mount`);
        const volume = volumes.find((v: { name: string }) => v.name === tmp.name);
        assert.ok(volume?.emptyDir, `${role} /tmp is not an emptyDir`);
        // Strictly below the container's limit, with room for its logs (the kubelet keeps 5 × 10 MiB by
        // default) and writable layer: a /tmp as large as the limit got the pod evicted when it filled.
        const tmpBytes = parseQuantity(volume.emptyDir.sizeLimit)!;
        const limitBytes = parseQuantity(c.resources.limits["ephemeral-storage"])!;
        assert.ok(tmpBytes < limitBytes, `${role}: /tmp ${volume.emptyDir.sizeLimit} is not below the limit`);
        assert.ok(limitBytes - tmpBytes >= 50 * 2 ** 20, `${role}: less than 50Mi left for logs`);
      }
    });

    it("drops ALL capabilities and adds none [CKV_K8S_28/37]", () => {
      for (const { role, c } of each()) {
        assert.deepStrictEqual(c.securityContext.capabilities, { drop: ["ALL"] }, role);
      }
    });

    it("uses the RuntimeDefault seccomp profile, pod and containers [CKV_K8S_31]", () => {
      assert.deepStrictEqual(pod().securityContext.seccompProfile, { type: "RuntimeDefault" });
      for (const { role, c } of each()) {
        assert.deepStrictEqual(c.securityContext.seccompProfile, { type: "RuntimeDefault" }, role);
      }
    });

    it("shares no host namespace, port or path [CKV_K8S_17/18/19]", () => {
      const spec = pod();
      assert.strictEqual(spec.hostNetwork, false);
      assert.strictEqual(spec.hostPID, false);
      assert.strictEqual(spec.hostIPC, false);
      for (const v of spec.volumes) assert.strictEqual(v.hostPath, undefined, v.name);
      for (const { role, c } of each()) {
        for (const p of c.ports ?? []) assert.strictEqual(p.hostPort, undefined, role);
      }
    });

    it("sets CPU, memory and ephemeral-storage requests and limits from the profile [CKV_K8S_10-13]", () => {
      const expected = {
        dev: { requests: ["100m", "128Mi", "64Mi"], limits: ["500m", "256Mi", "256Mi"] },
        staging: { requests: ["250m", "256Mi", "128Mi"], limits: ["1", "512Mi", "512Mi"] },
        prod: { requests: ["500m", "512Mi", "256Mi"], limits: ["2", "1Gi", "1Gi"] },
      };
      for (const env of ["dev", "staging", "prod"] as const) {
        for (const { role, c } of containersOf(graphs.get(env)!.get(T.deployment, "api-deployment"))) {
          const r = c.resources;
          assert.deepStrictEqual(
            {
              requests: [r.requests.cpu, r.requests.memory, r.requests["ephemeral-storage"]],
              limits: [r.limits.cpu, r.limits.memory, r.limits["ephemeral-storage"]],
            },
            expected[env],
            `${env} ${role}`,
          );
        }
      }
    });

    it("gives main and sidecar containers readiness and liveness probes that differ [CKV_K8S_8/9]", () => {
      for (const { role, c } of each().filter((x) => x.role !== "init")) {
        assert.ok(c.readinessProbe, `${role} readiness`);
        assert.ok(c.livenessProbe, `${role} liveness`);
        assert.notDeepStrictEqual(c.readinessProbe, c.livenessProbe, role);
      }
      const main = each()[0].c;
      assert.deepStrictEqual(
        [main.readinessProbe.httpGet, main.livenessProbe.httpGet],
        [
          { path: "/readyz", port: 8080 },
          { path: "/livez", port: 8080 },
        ],
      );
    });

    it("pins every image to a tag or digest, never latest [CKV_K8S_14/43]", () => {
      for (const { role, c } of each()) {
        assert.match(c.image, /(:[\w][\w.-]*|@sha256:[a-f0-9]{64})$/, role);
        assert.doesNotMatch(c.image, /:latest$/, role);
      }
    });

    it("mounts secrets as read-only files and never puts them in env [CKV_K8S_35]", () => {
      const volumes = pod().volumes;
      const secretVolume = volumes.find(
        (v: { secret?: { secretName: string } }) => v.secret?.secretName === "api-db",
      );
      assert.ok(secretVolume, "no volume from the api-db Secret");
      for (const { role, c } of each()) {
        assert.strictEqual(c.envFrom, undefined, role);
        for (const e of c.env ?? []) assert.strictEqual(e.valueFrom, undefined, `${role} ${e.name}`);
      }
      for (const { role, c } of each().filter((x) => x.c.name !== "proxy")) {
        const m = c.volumeMounts.find((x: { name: string }) => x.name === secretVolume.name);
        assert.deepStrictEqual(
          m,
          { name: secretVolume.name, mountPath: "/etc/api/db", readOnly: true },
          role,
        );
      }
    });

    it("runs under its own ServiceAccount without a mounted token [CKV_K8S_38]", () => {
      const { get } = prod();
      const sa = get(T.serviceAccount, "api-service-account");
      assert.strictEqual(sa.automountServiceAccountToken, false);
      assert.strictEqual(pod().serviceAccountName, sa.metadata.name);
      assert.notStrictEqual(pod().serviceAccountName, "default");
      assert.strictEqual(pod().automountServiceAccountToken, false);
    });

    it("mounts the token only when automountServiceAccountToken is asked for", async () => {
      const { get } = await synthService("dev", { automountServiceAccountToken: true });
      assert.strictEqual(get(T.serviceAccount, "api-service-account").automountServiceAccountToken, true);
      assert.strictEqual(
        get(T.deployment, "api-deployment").spec.template.spec.automountServiceAccountToken,
        true,
      );
    });

    it("takes stricter identities from the caller", async () => {
      const { get } = await synthService("dev", { runAsUser: 20000, runAsGroup: 20001 });
      const spec = get(T.deployment, "api-deployment").spec.template.spec;
      assert.deepStrictEqual([spec.securityContext.runAsUser, spec.securityContext.fsGroup], [20000, 20001]);
      for (const c of spec.containers) assert.strictEqual(c.securityContext.runAsUser, 20000);
    });
  });

  describe("availability per profile", () => {
    const expected = {
      dev: { replicas: 1, pdb: { maxUnavailable: 1 }, hpa: [1, 2] },
      staging: { replicas: 2, pdb: { minAvailable: 1 }, hpa: [2, 4] },
      prod: { replicas: 3, pdb: { minAvailable: 2 }, hpa: [3, 10] },
    };
    for (const env of ["dev", "staging", "prod"] as const) {
      it(`${env}: ${expected[env].replicas} replicas, PDB ${JSON.stringify(expected[env].pdb)}, HPA ${expected[env].hpa.join("-")}`, () => {
        const { get } = graphs.get(env)!;
        const d = get(T.deployment, "api-deployment");
        const pdb = get(T.pdb, "api-pdb");
        const hpa = get(T.hpa, "api-hpa");
        const selector = { "app.kubernetes.io/instance": "api", "app.kubernetes.io/name": "api" };
        assert.strictEqual(d.spec.replicas, expected[env].replicas);
        assert.deepStrictEqual(d.spec.selector.matchLabels, selector);
        const { selector: pdbSelector, ...budget } = pdb.spec;
        assert.deepStrictEqual(pdbSelector.matchLabels, selector);
        assert.deepStrictEqual(budget, expected[env].pdb);
        assert.deepStrictEqual([hpa.spec.minReplicas, hpa.spec.maxReplicas], expected[env].hpa);
        assert.deepStrictEqual(hpa.spec.scaleTargetRef, {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: "api",
        });
        assert.strictEqual(hpa.spec.metrics[0].resource.target.averageUtilization, 70);
      });
    }

    it("spreads pods across zones", () => {
      const spread = prod().get(T.deployment, "api-deployment").spec.template.spec.topologySpreadConstraints;
      const zone = spread.find(
        (s: { topologyKey: string }) => s.topologyKey === "topology.kubernetes.io/zone",
      );
      assert.ok(zone, "no zone spread");
      assert.strictEqual(zone.maxSkew, 1);
      assert.deepStrictEqual(zone.labelSelector.matchLabels, {
        "app.kubernetes.io/instance": "api",
        "app.kubernetes.io/name": "api",
      });
    });

    it("exposes a ClusterIP Service on the main container's named port", () => {
      const svc = prod().get(T.service, "api-service");
      assert.strictEqual(svc.spec.type, "ClusterIP");
      assert.deepStrictEqual(svc.spec.ports, [
        { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
      ]);
      assert.deepStrictEqual(svc.spec.selector, {
        "app.kubernetes.io/instance": "api",
        "app.kubernetes.io/name": "api",
      });
    });
  });

  describe("network admission", () => {
    it("admits only the named namespaces and pods, on the main port", () => {
      const np = prod().get(T.networkPolicy, "api-network-policy");
      assert.deepStrictEqual(np.spec, {
        podSelector: {
          matchLabels: { "app.kubernetes.io/instance": "api", "app.kubernetes.io/name": "api" },
        },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "frontend" } } },
              { podSelector: { matchLabels: { "app.kubernetes.io/name": "worker" } } },
            ],
            ports: [{ protocol: "TCP", port: 8080 }],
          },
        ],
      });
    });

    it("admits nothing when no caller is named", async () => {
      const { get } = await synthService("dev", { allowFromNamespaces: undefined, allowFromPods: undefined });
      assert.deepStrictEqual(get(T.networkPolicy, "api-network-policy").spec.ingress, []);
    });

    it("admits the ingress controller namespace and serves TLS only when an Ingress is asked for", async () => {
      const { get } = await synthService("prod", {
        allowFromNamespaces: undefined,
        allowFromPods: undefined,
        ingress: true,
        ingressHost: "api.example.com",
        ingressTlsSecretName: "api-tls",
      });
      assert.deepStrictEqual(get(T.networkPolicy, "api-network-policy").spec.ingress[0].from, [
        { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } },
      ]);
      const ing = get(T.ingress, "api-ingress");
      assert.deepStrictEqual(ing.spec.tls, [{ hosts: ["api.example.com"], secretName: "api-tls" }]);
      for (const rule of ing.spec.rules) assert.ok(ing.spec.tls[0].hosts.includes(rule.host), rule.host);
      assert.strictEqual(
        ing.metadata.annotations?.["nginx.ingress.kubernetes.io/force-ssl-redirect"],
        "true",
      );
      assert.deepStrictEqual(ing.spec.rules[0].http.paths[0].backend, {
        service: { name: "api", port: { name: "http" } },
      });
    });
  });

  describe("bad input", () => {
    const good = fullArgs("prod");
    const cases: { what: string; name?: string; args: WebServiceArgs; message: RegExp }[] = [
      {
        what: "a name that is not a DNS-1123 label",
        name: "Api_Service",
        args: good,
        message:
          /^kubernetes\.WebService "Api_Service": name "Api_Service" contains characters .*\(expected a DNS-1123 label/,
      },
      {
        what: "the default namespace",
        args: { ...good, namespace: "default" },
        message:
          /^kubernetes\.WebService "api": namespace "default" is a namespace workloads must not run in \(expected a namespace of your own/,
      },
      {
        what: "an image tagged latest, in an init container",
        args: { ...good, initContainers: [{ name: "migrate", image: "ghcr.io/acme/migrate:latest" }] },
        message:
          /initContainers\[0\]\.image "ghcr\.io\/acme\/migrate:latest" uses the mutable tag latest \(expected an image pinned/,
      },
      {
        what: "an untagged image",
        args: { ...good, containers: [{ name: "api", image: "nginx" }] },
        message:
          /containers\[0\]\.image "nginx" is not pinned \(no tag or digest\) \(expected an image pinned/,
      },
      {
        what: "a sidecar running as root",
        args: { ...good, containers: [good.containers[0], { ...good.containers[1], runAsUser: 0 }] },
        message:
          /containers\[1\]\.runAsUser 0 would weaken the pod security baseline \(expected an integer from 10000/,
      },
      {
        what: "a pod UID below 10000",
        args: { ...good, runAsUser: 1000 },
        message: /: runAsUser 1000 would weaken the pod security baseline/,
      },
      {
        what: "one replica in prod",
        args: { ...good, minReplicas: 1 },
        message: /minReplicas 1 is below the prod floor \(expected at least 2, so a pod can be lost/,
      },
      {
        what: "a CPU request above its limit",
        args: { ...good, containers: [{ ...good.containers[0], cpuRequest: "2", cpuLimit: "500m" }] },
        message: /containers\[0\]\.cpuRequest "2" is larger than the cpu limit 500m/,
      },
      {
        what: "identical readiness and liveness paths",
        args: {
          ...good,
          containers: [{ ...good.containers[0], readinessPath: "/health", livenessPath: "/health" }],
        },
        message: /containers\[0\]\.livenessPath "\/health" is the same as readinessPath/,
      },
      {
        what: "an Ingress without a TLS certificate",
        args: { ...good, ingress: true, ingressHost: "api.example.com" },
        message:
          /ingressTlsSecretName undefined is required \(expected the Secret holding the TLS certificate/,
      },
      {
        what: "no containers",
        args: { ...good, containers: [] },
        message: /containers \[\] is empty \(expected at least one container/,
      },
      {
        what: "two containers with one name",
        args: { ...good, containers: [good.containers[0], { ...good.containers[1], name: "api" }] },
        message: /containers\[1\]\.name "api" is used by two containers/,
      },
      {
        what: "a pod selector that admits every pod",
        args: { ...good, allowFromPods: [{}] },
        message: /allowFromPods\[0\] \{\} selects every pod/,
      },
    ];
    for (const c of cases) {
      it(`rejects ${c.what} before registering anything`, async () => {
        const { error, graph } = await synthRejected(() => new WebService(c.name ?? "api", c.args));
        assert.match(error.message, c.message);
        assert.strictEqual(error.component, "kubernetes.WebService");
        assertOnlyStack(graph);
      });
    }

    it("rejects an unpinned image that arrives as an Output once it resolves", async () => {
      // The failure surfaces when the Deployment's inputs are serialized. The offline engine then waits
      // for a registration that never completes, so the error is caught as the SDK reports it.
      const seen: string[] = [];
      const listener = (err: unknown): void =>
        void seen.push(err instanceof Error ? err.message : String(err));
      process.on("unhandledRejection", listener);
      try {
        await assert.rejects(
          synth(
            () => {
              new WebService("api", {
                namespace: "apps",
                containers: [{ name: "api", image: pulumi.output("ghcr.io/acme/api:latest") }],
              });
            },
            { timeoutMs: 3000 },
          ),
        );
      } finally {
        process.off("unhandledRejection", listener);
      }
      assert.ok(
        seen.some((m) =>
          /kubernetes\.WebService "api": containers\[0\]\.image "ghcr\.io\/acme\/api:latest" uses the mutable tag latest/.test(
            m,
          ),
        ),
        seen.join("\n"),
      );
    });
  });

  describe("namespace given as an Output", () => {
    for (const reserved of ["default", "kube-system"]) {
      it(`rejects ${reserved} once it resolves`, async () => {
        const seen = await synthRejectedLater(() => {
          new WebService("api", {
            namespace: pulumi.output(reserved),
            containers: fullArgs("dev").containers,
          });
        });
        const message = new RegExp(
          `kubernetes\\.WebService "api": namespace "${reserved}" is a namespace workloads must not run in`,
        );
        assert.ok(
          seen.some((m) => message.test(m)),
          seen.join("\n"),
        );
      });
    }

    it("puts the checked namespace on every object", async () => {
      const graph = await synth(() => {
        new WebService("api", { namespace: pulumi.output("apps"), containers: fullArgs("dev").containers });
      });
      const objects = kubeResources(graph);
      assert.strictEqual(objects.length, CHILDREN.length);
      for (const r of objects) assert.strictEqual(kube(r).metadata.namespace, "apps", r.name);
    });
  });

  describe("secrets kept out of env [CKV_K8S_35]", () => {
    for (const [role, key] of [
      ["containers[0]", "DB_PASSWORD"],
      ["containers[0]", "stripe_api_key"],
      ["initContainers[0]", "GITHUB_TOKEN"],
    ] as const) {
      it(`refuses ${key} in ${role}.env before registering anything`, async () => {
        const env = { [key]: "hunter2" };
        const base = fullArgs("dev");
        const args: WebServiceArgs =
          role === "containers[0]"
            ? { ...base, containers: [{ ...base.containers[0], env }] }
            : { ...base, initContainers: [{ ...base.initContainers![0], env }] };
        const { error, graph } = await synthRejected(() => new WebService("api", args));
        assert.match(
          error.message,
          new RegExp(
            `${role.replace(/[[\]]/g, "\\$&")}\\.env\\.${key} "\\(value hidden\\)" is named like a secret \\(expected .*secretMounts`,
          ),
        );
        assert.ok(!error.message.includes("hunter2"), "the value leaked into the error");
        assertOnlyStack(graph);
      });
    }

    it("refuses a secret Output under an innocuous name once it resolves, without printing it", async () => {
      const seen = await synthRejectedLater(() => {
        new WebService("api", {
          namespace: "apps",
          containers: [
            {
              name: "api",
              image: "ghcr.io/acme/api:1.4.2",
              env: { DSN: pulumi.secret("postgres://u:hunter2@db/app") },
            },
          ],
        });
      });
      assert.ok(
        seen.some((m) =>
          /containers\[0\]\.env\.DSN "\(secret value hidden\)" is a secret \(expected .*secretMounts/.test(m),
        ),
        seen.join("\n"),
      );
      assert.ok(!seen.some((m) => m.includes("hunter2")), "the secret leaked into the error");
    });

    it("still takes a plain Output value", async () => {
      const graph = await synth(() => {
        new WebService("api", {
          namespace: "apps",
          containers: [
            { name: "api", image: "ghcr.io/acme/api:1.4.2", env: { LOG_LEVEL: pulumi.output("debug") } },
          ],
        });
      });
      const d = kube(new GraphQuery(graph).one(T.deployment, "api-deployment"));
      assert.deepStrictEqual(d.spec.template.spec.containers[0].env, [{ name: "LOG_LEVEL", value: "debug" }]);
    });
  });

  describe("replicas and the HPA", () => {
    it("sizes the first rollout but leaves the replica count to the HPA afterwards", () => {
      const { q, get } = prod();
      assert.strictEqual(get(T.deployment, "api-deployment").spec.replicas, 3);
      assert.deepStrictEqual(q.one(T.deployment, "api-deployment").ignoreChanges, ["spec.replicas"]);
      // Only the Deployment: the HPA's own bounds must still follow the code.
      for (const r of kubeResources(q.graph).filter((x) => x.type !== T.deployment)) {
        assert.deepStrictEqual(r.ignoreChanges, [], r.name);
      }
    });
  });

  describe("volume names of file mounts", () => {
    async function mountsOf(names: string[]): Promise<KubeObject> {
      const graph = await synth(() => {
        new WebService("api", {
          namespace: "apps",
          containers: [
            {
              name: "api",
              image: "ghcr.io/acme/api:1.4.2",
              secretMounts: names.map((name, i) => ({ name, mountPath: `/etc/s${i}` })),
            },
          ],
        });
      });
      return kube(new GraphQuery(graph).one(T.deployment, "api-deployment"));
    }

    for (const [what, names] of [
      ["a dotted name and its dashed twin", ["a.b", "a-b"]],
      ["names equal in their first 63 characters", ["s".repeat(60) + "-one", "s".repeat(60) + "-two"]],
    ] as const) {
      it(`mounts each Secret from its own volume for ${what}`, async () => {
        const d = await mountsOf([...names]);
        const spec = d.spec.template.spec;
        const mounts = spec.containers[0].volumeMounts as { name: string; mountPath: string }[];
        names.forEach((secret, i) => {
          const mount = mounts.find((m) => m.mountPath === `/etc/s${i}`)!;
          const volume = spec.volumes.find((v: { name: string }) => v.name === mount.name);
          assert.strictEqual(volume.secret.secretName, secret, `/etc/s${i}`);
          assert.match(volume.name, /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
        });
        assert.strictEqual(
          new Set(spec.volumes.map((v: { name: string }) => v.name)).size,
          spec.volumes.length,
        );
        validateKube(d);
      });
    }

    it("keeps the readable name when the Secret name is already a volume name", async () => {
      const d = await mountsOf(["api-db"]);
      assert.ok(d.spec.template.spec.volumes.some((v: { name: string }) => v.name === "secret-api-db"));
    });

    it("refuses two different Secrets that would still share a volume name", async () => {
      // `a.b` becomes secret-a-b-<hash of a.b>, which is exactly the readable name of this second Secret.
      const twin = `a-b-${shortHash("a.b")}`;
      const { error, graph } = await synthRejected(
        () =>
          new WebService("api", {
            namespace: "apps",
            containers: [
              {
                name: "api",
                image: "ghcr.io/acme/api:1.4.2",
                secretMounts: [
                  { name: "a.b", mountPath: "/etc/one" },
                  { name: twin, mountPath: "/etc/two" },
                ],
              },
            ],
          }),
      );
      assert.match(error.message, new RegExp(`"secret-${twin}" is the volume name of two different mounts`));
      assertOnlyStack(graph);
    });
  });
});
