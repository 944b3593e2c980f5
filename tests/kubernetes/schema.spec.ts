// Every Kubernetes object the components and examples create validates against the official OpenAPI
// schema (kubernetes-models, generated from it), in every profile; and the check is shown to bite.
import * as assert from "assert";
import * as path from "path";
import { Provider } from "@pulumi/kubernetes/provider";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { ENVIRONMENTS } from "../../components/core";
import { Namespace, WebService } from "../../components/kubernetes";
import { GraphQuery, ResourceGraph, synth } from "../../testing";
import { T, assertFullyKnown, kube, kubeResources, validateKube } from "./helpers";

function everything(environment: "dev" | "staging" | "prod") {
  return () => {
    const cluster = new Provider("cluster", { kubeconfig: "{}" });
    const ns = new Namespace("apps", { environment }, { provider: cluster });
    new WebService(
      "api",
      {
        namespace: ns.namespaceName,
        environment,
        containers: [
          {
            name: "api",
            image: "ghcr.io/acme/api:1.0.0",
            secretMounts: [{ name: "db", mountPath: "/etc/db" }],
          },
          { name: "proxy", image: "ghcr.io/acme/proxy:2.1", port: 9901, probe: "tcp" },
        ],
        initContainers: [{ name: "migrate", image: "ghcr.io/acme/migrate:1.0.0" }],
        allowFromNamespaces: ["web"],
        ingress: true,
        ingressHost: "api.example.com",
        ingressTlsSecretName: "api-tls",
      },
      { provider: cluster },
    );
  };
}

/**
 * cert-manager's Certificate has no model in kubernetes-models: its CRD (cert-manager.io/v1) requires
 * `spec.secretName` and `spec.issuerRef.name`; the fields the WebService sets are checked by hand against it.
 */
function validateCertificate(o: ReturnType<typeof kube>): void {
  const spec = o.spec as Record<string, unknown> & { issuerRef?: Record<string, unknown> };
  assert.strictEqual(o.apiVersion, "cert-manager.io/v1");
  assert.strictEqual(typeof spec.secretName, "string");
  assert.strictEqual(typeof spec.issuerRef?.name, "string");
  assert.ok(["ClusterIssuer", "Issuer"].includes(String(spec.issuerRef?.kind)));
  assert.ok(Array.isArray(spec.dnsNames) && spec.dnsNames.length > 0);
  for (const k of Object.keys(spec))
    assert.ok(["secretName", "issuerRef", "dnsNames", "privateKey"].includes(k), `unexpected spec.${k}`);
}

function validateAll(graph: ResourceGraph, expectedKinds: number): void {
  const objects = kubeResources(graph);
  assert.strictEqual(new Set(objects.map((r) => r.type)).size, expectedKinds);
  for (const r of objects) {
    if (r.type === "kubernetes:cert-manager.io/v1:Certificate") validateCertificate(kube(r));
    else assert.doesNotThrow(() => validateKube(kube(r)), `${r.type} ${r.name}`);
  }
}

describe("kubernetes objects against the OpenAPI schema", () => {
  for (const env of ENVIRONMENTS) {
    it(`validates every object of a Namespace and a WebService with Ingress in ${env}`, async () => {
      const graph = await synth(everything(env));
      assertFullyKnown(graph);
      // Namespace, ResourceQuota, LimitRange, NetworkPolicy, ServiceAccount, Service, Deployment, PDB, HPA, Ingress
      validateAll(graph, 10);
    });
  }

  for (const example of ["kubernetes-simple", "kubernetes-complete"]) {
    it(`validates every object of examples/${example}`, async () => {
      const graph = await synth(path.join(__dirname, "../../examples", example));
      // The complete example adds an Ingress and cert-manager's Certificate for it.
      validateAll(graph, example === "kubernetes-simple" ? 9 : 11);
    });
  }

  describe("the schema check bites", () => {
    let deployment: ReturnType<typeof kube>;
    before(async () => {
      const graph = await synth(everything("dev"));
      deployment = kube(new GraphQuery(graph).one(T.deployment, "api-deployment"));
    });

    it("rejects a replica count of the wrong type", () => {
      const bad = { ...deployment, spec: { ...deployment.spec, replicas: "3" } };
      assert.throws(() => validateKube(bad), /replicas must be integer/);
    });

    it("rejects a malformed resource quantity", () => {
      const bad = structuredClone(deployment);
      bad.spec.template.spec.containers[0].resources.limits.cpu = "two cores";
      assert.throws(() => validateKube(bad), /limits\/cpu must match format "quantity"/);
    });

    it("rejects a misspelled field that the generated model alone lets through", () => {
      const bad = structuredClone(deployment);
      const sc = bad.spec.template.spec.containers[0].securityContext;
      delete sc.readOnlyRootFilesystem;
      sc.readOnlyRootFileSystem = true;
      // The OpenAPI schema leaves additionalProperties open: the model's own check passes the typo...
      assert.doesNotThrow(() => new Deployment(bad as never).validate());
      // ...and ours names it.
      assert.throws(
        () => validateKube(bad),
        /fields the schema does not define: spec\.template\.spec\.containers\[0\]\.securityContext\.readOnlyRootFileSystem$/,
      );
    });

    it("rejects an unknown field at the top level and in metadata, but not a map key", () => {
      assert.throws(() => validateKube({ ...deployment, spce: {} }), /does not define: spce$/);
      const bad = structuredClone(deployment);
      (bad.metadata as Record<string, unknown>).label = { a: "b" };
      bad.metadata.labels = { ...bad.metadata.labels, "example.com/anything": "x" };
      assert.throws(() => validateKube(bad), /does not define: metadata\.label$/);
    });

    it("rejects a kind it has no model for rather than passing it", () => {
      assert.throws(
        () => validateKube({ ...deployment, kind: "DaemonSet" }),
        /no schema model for apps\/v1 DaemonSet/,
      );
    });
  });
});
