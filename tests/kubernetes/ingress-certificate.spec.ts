// Where the Ingress's certificate comes from (issue 26): the prod Ingress named a TLS Secret nothing made,
// so ingress-nginx served its fake certificate behind the HTTPS redirect. With an issuer the WebService
// makes a cert-manager Certificate into the Secret it names; without one, the Secret is the caller's.
import * as assert from "assert";
import { WebService, WebServiceArgs } from "../../components/kubernetes";
import { CreationOrder } from "../../engine/ordering";
import { GraphQuery, synth } from "../../testing";
import { T, assertOnlyStack, kube, synthRejected } from "./helpers";

const CERTIFICATE = "kubernetes:cert-manager.io/v1:Certificate";
const ARGS: WebServiceArgs = {
  namespace: "shop",
  environment: "prod",
  containers: [{ name: "web", image: "ghcr.io/acme/web:2.4.0", port: 8080 }],
  ingress: true,
  ingressHost: "shop.example.com",
};

async function build(args: Partial<WebServiceArgs>) {
  const graph = await synth(
    () => {
      new WebService("web", { ...ARGS, ...args });
    },
    { preview: false },
  );
  return { graph, q: new GraphQuery(graph) };
}

describe("kubernetes.WebService: the Ingress's certificate", () => {
  it("with an issuer, a Certificate for the host writes the Secret the Ingress serves, before the Ingress", async () => {
    const { graph, q } = await build({ ingressCertificateIssuer: "letsencrypt" });
    const cert = kube(q.one(CERTIFICATE, "web-certificate"));
    const ingress = kube(q.one(T.ingress, "web-ingress"));
    assert.strictEqual(cert.apiVersion, "cert-manager.io/v1");
    assert.strictEqual(cert.metadata.namespace, "shop");
    const spec = cert.spec as { secretName: string; dnsNames: string[]; issuerRef: Record<string, string> };
    assert.deepStrictEqual(spec.dnsNames, ["shop.example.com"]);
    assert.deepStrictEqual(spec.issuerRef, {
      name: "letsencrypt",
      kind: "ClusterIssuer",
      group: "cert-manager.io",
    });
    assert.strictEqual(spec.secretName, "web-tls", "the default Secret is named after the service");
    assert.deepStrictEqual(ingress.spec.tls, [{ hosts: ["shop.example.com"], secretName: "web-tls" }]);
    assert.ok(
      new CreationOrder(graph).waitsFor(
        q.one(T.ingress, "web-ingress").urn,
        q.one(CERTIFICATE, "web-certificate").urn,
      ),
    );
    // cert-manager's ingress-shim would make a second Certificate for the same Secret: no annotation asks it to.
    assert.ok(!Object.keys(ingress.metadata.annotations ?? {}).some((k) => k.startsWith("cert-manager.io/")));
  });

  it("an issuer writes into a named Secret when one is given", async () => {
    const { q } = await build({ ingressCertificateIssuer: "internal-ca", ingressTlsSecretName: "shop-tls" });
    assert.strictEqual(
      (kube(q.one(CERTIFICATE, "web-certificate")).spec as { secretName: string }).secretName,
      "shop-tls",
    );
  });

  it("without an issuer, the caller's Secret is named and no Certificate is made", async () => {
    const { q } = await build({ ingressTlsSecretName: "shop-tls" });
    assert.deepStrictEqual(q.ofType(CERTIFICATE), []);
    assert.strictEqual(kube(q.one(T.ingress, "web-ingress")).spec.tls[0].secretName, "shop-tls");
  });

  it("refuses an Ingress with neither a Secret nor an issuer, and an issuer that is not a name", async () => {
    const missing = await synthRejected(() => new WebService("web", ARGS));
    assert.match(
      missing.error.message,
      /ingressTlsSecretName undefined is required \(expected the Secret holding the TLS certificate .* or ingressCertificateIssuer/,
    );
    assertOnlyStack(missing.graph);
    const bad = await synthRejected(
      () => new WebService("web", { ...ARGS, ingressCertificateIssuer: "Lets Encrypt" }),
    );
    assert.strictEqual(bad.error.field, "ingressCertificateIssuer");
    assertOnlyStack(bad.graph);
  });
});
