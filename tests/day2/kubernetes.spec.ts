// The day-2 matrix of the Kubernetes components: each change a user makes after the first deploy, checked
// against the provider facts (facts/kubernetes/resources.json: pulumi-kubernetes' forceNew table and the
// Kubernetes API's immutable fields) for what a second `up` would do.
import * as assert from "assert";
import { Namespace, NamespaceArgs, WebService, WebServiceArgs } from "../../components/kubernetes";
import { planChange } from "../../engine/day2";
import { classify } from "../../facts/resources";
import { day2Suite } from "./kit";

const namespace =
  (a: NamespaceArgs = {}) =>
  () => {
    new Namespace("shop", a);
  };
const WEB: WebServiceArgs = {
  namespace: "shop",
  containers: [{ name: "web", image: "ghcr.io/acme/web:2.4.0", port: 8080 }],
};
const web =
  (a: Partial<WebServiceArgs> = {}) =>
  () => {
    new WebService("web", { ...WEB, ...a });
  };
const withIngress: Partial<WebServiceArgs> = { ingress: true, ingressHost: "shop.example.com" };

day2Suite("kubernetes.Namespace", namespace(), [
  { change: "labels added", after: namespace({ labels: { team: "shop" } }) },
  { change: "annotations added", after: namespace({ annotations: { "example.com/owner": "shop" } }) },
  { change: "profile dev → prod (a larger quota)", after: namespace({ environment: "prod" }) },
  { change: "Pod Security version pinned", after: namespace({ podSecurityVersion: "v1.32" }) },
  {
    change: "external services allowed (a named weakening)",
    after: namespace({ allowExternalServices: true }),
  },
]);

day2Suite("kubernetes.WebService", web(), [
  {
    change: "a new image",
    after: web({ containers: [{ ...WEB.containers[0], image: "ghcr.io/acme/web:2.5.0" }] }),
  },
  {
    change: "replica bounds raised: the running count stays the HPA's",
    after: web({ minReplicas: 2, maxReplicas: 6 }),
  },
  {
    change: "more CPU and memory",
    after: web({ containers: [{ ...WEB.containers[0], cpuLimit: "1", memoryLimit: "512Mi" }] }),
  },
  {
    change: "more ephemeral storage: /tmp grows with it, still below the limit",
    after: web({ containers: [{ ...WEB.containers[0], ephemeralStorageLimit: "1Gi" }] }),
  },
  {
    change: "an environment variable added",
    after: web({ containers: [{ ...WEB.containers[0], env: { MODE: "a" } }] }),
  },
  { change: "labels added", after: web({ labels: { team: "shop" } }) },
  { change: "another service port", after: web({ servicePort: 8080 }) },
  { change: "a namespace admitted", after: web({ allowFromNamespaces: ["checkout"] }) },
  { change: "CPU target changed", after: web({ targetCpuUtilization: 60 }) },
  {
    change: "an Ingress with a provided TLS Secret",
    after: web({ ...withIngress, ingressTlsSecretName: "shop-tls" }),
  },
  {
    change: "the Ingress's certificate issued by cert-manager instead (issue 26)",
    before: web({ ...withIngress, ingressTlsSecretName: "shop-tls" }),
    after: web({ ...withIngress, ingressTlsSecretName: "shop-tls", ingressCertificateIssuer: "letsencrypt" }),
  },
  { change: "profile dev → prod", after: web({ environment: "prod" }) },
  {
    change: "the ServiceAccount token mounted (a named weakening)",
    after: web({ automountServiceAccountToken: true }),
  },
]);

describe("day 2: Kubernetes facts the components rely on", () => {
  it("classifies the immutable fields as the provider and the API do", () => {
    const D = "kubernetes:apps/v1:Deployment";
    assert.strictEqual(classify(D, "spec.selector.matchLabels.app")?.change, "replace");
    assert.strictEqual(classify(D, "spec.template.spec.containers[0].image")?.change, "update");
    assert.strictEqual(classify(D, "metadata.name")?.change, "replace");
    assert.strictEqual(classify("kubernetes:core/v1:Service", "spec.clusterIP")?.change, "replace");
    assert.strictEqual(classify("kubernetes:core/v1:Service", "spec.type")?.change, "update");
    // policy/v1 updates the budget's selector in place (only v1beta1 replaced on .spec).
    assert.strictEqual(
      classify("kubernetes:policy/v1:PodDisruptionBudget", "spec.selector")?.change,
      "update",
    );
    assert.strictEqual(
      classify("kubernetes:batch/v1:Job", "spec.template.spec.containers")?.change,
      "replace",
    );
  });

  it("renaming a WebService replaces its Deployment and Service (new names), which the case must name", async () => {
    const plan = await planChange(web(), () => {
      new WebService("storefront", { ...WEB });
    });
    assert.ok(plan.deleted.some((d) => d.type === "kubernetes:apps/v1:Deployment"));
    assert.ok(plan.created.some((c) => c.type === "kubernetes:apps/v1:Deployment"));
  });
});
