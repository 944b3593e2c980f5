// Namespace: the exact child set, Pod Security Admission labels, default-deny with DNS, quota and limits
// per profile, the caller's provider on every child, and bad inputs.
import * as assert from "assert";
import { Provider } from "@pulumi/kubernetes/provider";
import { Environment } from "../../components/core";
import { Namespace, NamespaceArgs } from "../../components/kubernetes";
import { GraphQuery, synth } from "../../testing";
import { T, KubeObject, assertOnlyStack, kube, namespaceChildren, synthRejected } from "./helpers";

async function synthNamespace(environment: Environment, extra: Partial<NamespaceArgs> = {}) {
  const graph = await synth(() => {
    const cluster = new Provider("cluster", { kubeconfig: "{}" });
    new Namespace(
      "payments",
      {
        environment,
        labels: { team: "payments" },
        annotations: { "example.com/owner": "payments" },
        ...extra,
      },
      { providers: [cluster] },
    );
  });
  const q = new GraphQuery(graph);
  return { graph, q, get: (type: string, name: string): KubeObject => kube(q.one(type, name)) };
}

describe("kubernetes.Namespace", () => {
  const graphs = new Map<Environment, Awaited<ReturnType<typeof synthNamespace>>>();
  before(async () => {
    for (const env of ["dev", "staging", "prod"] as const) graphs.set(env, await synthNamespace(env));
  });

  for (const env of ["dev", "staging", "prod"] as const) {
    it(`creates exactly the namespace, default-deny policy, quota and limit range in ${env}`, () => {
      const { q } = graphs.get(env)!;
      const component = q.one("groundwork:kubernetes:Namespace", "payments");
      assert.deepStrictEqual(q.inventory(component.urn), namespaceChildren("payments").sort());
    });
  }

  it("passes the caller's provider to every child", () => {
    const { q } = graphs.get("prod")!;
    const provider = q.one(T.provider, "cluster");
    const children = q.descendants(q.one("groundwork:kubernetes:Namespace", "payments").urn);
    assert.strictEqual(children.length, 4);
    for (const child of children) {
      assert.ok(child.provider?.startsWith(`${provider.urn}::`), `${child.name} provider ${child.provider}`);
    }
  });

  it("enforces, audits and warns at Pod Security restricted, pinned to a version", () => {
    const ns = graphs.get("dev")!.get(T.namespace, "payments-namespace");
    assert.strictEqual(ns.metadata.name, "payments");
    const labels = ns.metadata.labels!;
    for (const mode of ["enforce", "audit", "warn"]) {
      assert.strictEqual(labels[`pod-security.kubernetes.io/${mode}`], "restricted", mode);
      assert.strictEqual(labels[`pod-security.kubernetes.io/${mode}-version`], "v1.31", mode);
    }
    assert.strictEqual(labels["app.kubernetes.io/managed-by"], "groundwork");
    assert.strictEqual(labels.team, "payments");
    assert.strictEqual(ns.metadata.annotations?.["example.com/owner"], "payments");
  });

  for (const version of ["v1.25", "v1.33", "v1.40"]) {
    it(`takes a different pinned Pod Security version from the caller (${version})`, async () => {
      const { get } = await synthNamespace("dev", { podSecurityVersion: version });
      assert.strictEqual(
        get(T.namespace, "payments-namespace").metadata.labels!["pod-security.kubernetes.io/enforce-version"],
        version,
      );
    });
  }

  it("denies all ingress and egress except DNS to kube-dns in kube-system", () => {
    const np = graphs.get("prod")!.get(T.networkPolicy, "payments-default-deny");
    assert.strictEqual(np.metadata.namespace, "payments");
    assert.deepStrictEqual(np.spec, {
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
      ingress: [],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
  });

  const quotas = {
    dev: ["2", "4Gi", "4", "8Gi", "20", "5"],
    staging: ["8", "16Gi", "16", "32Gi", "50", "10"],
    prod: ["32", "64Gi", "64", "128Gi", "200", "20"],
  };
  for (const env of ["dev", "staging", "prod"] as const) {
    it(`sizes the quota and the limit range from the ${env} profile`, () => {
      const { get } = graphs.get(env)!;
      const hard = get(T.quota, "payments-quota").spec.hard;
      assert.deepStrictEqual(
        [
          hard["requests.cpu"],
          hard["requests.memory"],
          hard["limits.cpu"],
          hard["limits.memory"],
          hard.pods,
          hard.persistentvolumeclaims,
        ],
        quotas[env],
      );
      assert.deepStrictEqual([hard["services.loadbalancers"], hard["services.nodeports"]], ["0", "0"]);
      const [limit] = get(T.limitRange, "payments-limits").spec.limits;
      const size = {
        dev: [
          ["500m", "256Mi", "256Mi"],
          ["100m", "128Mi", "64Mi"],
        ],
        staging: [
          ["1", "512Mi", "512Mi"],
          ["250m", "256Mi", "128Mi"],
        ],
        prod: [
          ["2", "1Gi", "1Gi"],
          ["500m", "512Mi", "256Mi"],
        ],
      }[env];
      assert.strictEqual(limit.type, "Container");
      assert.deepStrictEqual(
        [
          [limit.default.cpu, limit.default.memory, limit.default["ephemeral-storage"]],
          [limit.defaultRequest.cpu, limit.defaultRequest.memory, limit.defaultRequest["ephemeral-storage"]],
        ],
        size,
      );
    });
  }

  it("allows LoadBalancer and NodePort Services only when allowExternalServices is set", async () => {
    const { get } = await synthNamespace("dev", { allowExternalServices: true });
    const hard = get(T.quota, "payments-quota").spec.hard;
    assert.deepStrictEqual(
      [hard["services.loadbalancers"], hard["services.nodeports"]],
      [undefined, undefined],
    );
    assert.strictEqual(hard.pods, "20");
  });

  describe("bad input", () => {
    const cases: { what: string; name: string; args: NamespaceArgs; message: RegExp }[] = [
      {
        what: "a name that is not a DNS-1123 label",
        name: "Payments_NS",
        args: {},
        message:
          /^kubernetes\.Namespace "Payments_NS": name "Payments_NS" contains characters .*\(expected a DNS-1123 label/,
      },
      {
        what: "a name longer than 63 characters",
        name: "n".repeat(64),
        args: {},
        message: /name "n{64}" is too long \(64 characters\) \(expected a DNS-1123 label/,
      },
      {
        what: "the default namespace",
        name: "default",
        args: {},
        message: /^kubernetes\.Namespace "default": name "default" is a namespace Kubernetes reserves/,
      },
      {
        what: "a kube- namespace",
        name: "kube-tools",
        args: {},
        message: /name "kube-tools" is a namespace Kubernetes reserves \(expected a name that is not default/,
      },
      {
        what: "an unknown environment",
        name: "payments",
        args: { environment: "qa" as Environment },
        message: /environment "qa" is not supported \(expected one of "dev", "staging", "prod"\)/,
      },
      {
        what: "an unpinned Pod Security version",
        name: "payments",
        args: { podSecurityVersion: "latest" },
        message:
          /podSecurityVersion "latest" is not a pinned Kubernetes version of v1\.25 or later \(expected a minor version such as v1\.31/,
      },
      ...["v1.0", "v1.18", "v1.24", "v1.9", "v2.0", "v1.031"].map((version) => ({
        what: `Pod Security version ${version}, older than restricted's seccomp and drop-ALL rules`,
        name: "payments",
        args: { podSecurityVersion: version },
        message: new RegExp(
          `podSecurityVersion "${version.replace(/\./g, "\\.")}" is not a pinned Kubernetes version of v1\\.25 or later`,
        ),
      })),
      {
        what: "a label that would relax Pod Security",
        name: "payments",
        args: { labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
        message:
          /labels\.pod-security\.kubernetes\.io\/enforce "privileged" would overwrite a Pod Security label/,
      },
      {
        what: "an invalid annotation key",
        name: "payments",
        args: { annotations: { "bad key!": "x" } },
        message: /annotations\.bad key! "bad key!" has an invalid name part/,
      },
    ];
    for (const c of cases) {
      it(`rejects ${c.what} before registering anything`, async () => {
        const { error, graph } = await synthRejected(() => new Namespace(c.name, c.args));
        assert.match(error.message, c.message);
        assert.strictEqual(error.component, "kubernetes.Namespace");
        assertOnlyStack(graph);
      });
    }
  });
});
