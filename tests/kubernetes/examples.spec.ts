// The Kubernetes examples compile (they are part of the build) and synthesize to the expected child set.
import * as assert from "assert";
import * as path from "path";
import { GraphQuery, synth } from "../../testing";
import { T, kube, namespaceChildren, webServiceChildren } from "./helpers";

const example = (name: string): string => path.join(__dirname, "../../examples", name);

describe("examples/kubernetes-*", () => {
  it("kubernetes-simple: one namespace and one web service in it, dev-sized", async () => {
    const graph = await synth(example("kubernetes-simple"));
    const q = new GraphQuery(graph);
    assert.deepStrictEqual(
      q.inventory(),
      [
        "groundwork:kubernetes:Namespace::apps",
        ...namespaceChildren("apps"),
        "groundwork:kubernetes:WebService::hello",
        ...webServiceChildren("hello"),
      ].sort(),
    );
    const d = kube(q.one(T.deployment, "hello-deployment"));
    assert.strictEqual(d.metadata.namespace, "apps");
    assert.strictEqual(d.spec.replicas, 1);
    assert.deepStrictEqual(graph.outputs, { namespace: "apps", service: "hello" });
  });

  it("kubernetes-complete: prod profile, sidecar, init container, Ingress, all on the given provider", async () => {
    const graph = await synth(example("kubernetes-complete"), { stack: "prod" });
    const q = new GraphQuery(graph);
    const provider = q.one(T.provider, "cluster");
    const custom = graph.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
    // 10 objects of the two components, the Ingress, and cert-manager's Certificate for it.
    assert.strictEqual(custom.length, 12);
    for (const r of custom) assert.ok(r.provider?.startsWith(`${provider.urn}::`), r.name);
    const d = kube(q.one(T.deployment, "payments-api-deployment"));
    assert.strictEqual(d.spec.replicas, 3);
    assert.deepStrictEqual(
      [...d.spec.template.spec.containers, ...d.spec.template.spec.initContainers].map(
        (c: { name: string }) => c.name,
      ),
      ["api", "metrics-proxy", "migrate"],
    );
    const hpa = kube(q.one(T.hpa, "payments-api-hpa"));
    assert.deepStrictEqual([hpa.spec.minReplicas, hpa.spec.maxReplicas], [3, 12]);
    assert.strictEqual(kube(q.one(T.ingress, "payments-api-ingress")).spec.tls[0].secretName, "payments-tls");
    const cert = kube(q.one("kubernetes:cert-manager.io/v1:Certificate", "payments-api-certificate"));
    assert.deepStrictEqual([cert.spec.secretName, cert.spec.issuerRef.name], ["payments-tls", "letsencrypt"]);
    assert.strictEqual(graph.outputs.host, "payments.example.com");
  });
});
