// Kubernetes weakenings are recorded like AWS's: a `weakened` output on the component and the
// `groundwork.dev/weakened` annotation on every object it creates; at defaults, neither says anything.
import { strict as assert } from "assert";
import { Environment, WEAKENED_ANNOTATION } from "../../components/core";
import { Namespace, NamespaceArgs, WebService, WebServiceArgs } from "../../components/kubernetes";
import { GraphQuery, synth } from "../../testing";
import { kube, kubeResources } from "./helpers";

/** Synthesizes `build`, returning its `weakened` output and each Kubernetes object's annotation. */
async function recorded(
  build: () => { weakened: unknown },
  stack: Environment,
): Promise<{ output: unknown; annotations: (string | undefined)[]; q: GraphQuery }> {
  const graph = await synth(build, { stack });
  const annotations = kubeResources(graph).map((r) => kube(r).metadata.annotations?.[WEAKENED_ANNOTATION]);
  return { output: graph.outputs.weakened, annotations, q: new GraphQuery(graph) };
}

const webService = (environment: Environment, extra: Partial<WebServiceArgs>) => () => ({
  weakened: new WebService("api", {
    namespace: "apps",
    environment,
    containers: [{ name: "api", image: "ghcr.io/acme/api:1.4.2" }],
    ingress: true,
    ingressHost: "api.example.com",
    ingressTlsSecretName: "api-tls",
    ...extra,
  }).weakened,
});

const namespace = (environment: Environment, extra: NamespaceArgs) => () => ({
  weakened: new Namespace("payments", { environment, ...extra }).weakened,
});

/** [what, environment, program, the record expected on every object (undefined: none)]. */
const CASES: [string, Environment, () => { weakened: unknown }, string | undefined][] = [
  ["Namespace at defaults", "prod", namespace("prod", {}), undefined],
  [
    "Namespace allowing external Services",
    "dev",
    namespace("dev", { allowExternalServices: true }),
    "allowExternalServices",
  ],
  ["WebService at defaults", "prod", webService("prod", {}), undefined],
  ["WebService at the profile's floor", "prod", webService("prod", { minReplicas: 3 }), undefined],
  ["WebService below the profile's floor", "prod", webService("prod", { minReplicas: 2 }), "minReplicas"],
  [
    "WebService mounting the token",
    "dev",
    webService("dev", { automountServiceAccountToken: true }),
    "automountServiceAccountToken",
  ],
  [
    "WebService with both",
    "prod",
    webService("prod", { automountServiceAccountToken: true, minReplicas: 2 }),
    "automountServiceAccountToken minReplicas",
  ],
];

describe("kubernetes: weakened defaults recorded", () => {
  for (const [what, env, build, expected] of CASES) {
    it(`${what} (${env}): ${expected ?? "nothing"} in the output and on every object`, async () => {
      const { output, annotations } = await recorded(build, env);
      assert.deepStrictEqual(output, expected === undefined ? [] : expected.split(" "));
      assert.ok(annotations.length >= 4, `only ${annotations.length} objects`);
      for (const a of annotations) assert.strictEqual(a, expected);
    });
  }

  it("keeps the record off the pod template and keeps the caller's and the Ingress's annotations", async () => {
    const { q } = await recorded(
      webService("prod", { minReplicas: 2, annotations: { "example.com/owner": "payments" } }),
      "prod",
    );
    const d = kube(q.one("kubernetes:apps/v1:Deployment", "api-deployment"));
    assert.deepStrictEqual(d.spec.template.metadata.annotations, { "example.com/owner": "payments" });
    const ingress = kube(q.one("kubernetes:networking.k8s.io/v1:Ingress", "api-ingress")).metadata
      .annotations!;
    assert.strictEqual(ingress["example.com/owner"], "payments");
    assert.strictEqual(ingress["nginx.ingress.kubernetes.io/force-ssl-redirect"], "true");
    assert.strictEqual(ingress[WEAKENED_ANNOTATION], "minReplicas");
  });
});
