// The pure resolvers behind Namespace and WebService: every default applied and every weakened default
// named, checked without a synth.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Environment, PROFILES, Validator, WEAKENED_ANNOTATION } from "../../components/core";
import { NamespaceArgs, resolveNamespaceArgs } from "../../components/kubernetes/namespace/args";
import { WebServiceArgs, resolveWebServiceArgs } from "../../components/kubernetes/webservice/args";
import { inputError } from "../core/helpers";

const namespace = (args: NamespaceArgs, env: Environment = "dev") =>
  resolveNamespaceArgs(new Validator("kubernetes.Namespace", "payments"), args, PROFILES[env]);

const service = (extra: Partial<WebServiceArgs>, env: Environment = "prod") =>
  resolveWebServiceArgs(
    new Validator("kubernetes.WebService", "api"),
    { namespace: "apps", containers: [{ name: "api", image: "ghcr.io/acme/api:1.4.2" }], ...extra },
    PROFILES[env],
  );

describe("kubernetes: resolveNamespaceArgs", () => {
  it("applies every default: restricted at v1.31, no external Services, nothing weakened", () => {
    const r = namespace({});
    assert.equal(r.name, "payments");
    assert.equal(r.podSecurityLabels["pod-security.kubernetes.io/enforce"], "restricted");
    assert.equal(r.podSecurityLabels["pod-security.kubernetes.io/warn-version"], "v1.31");
    assert.equal((r.quota.hard as Record<string, string>)["services.loadbalancers"], "0");
    assert.deepEqual(r.weakened, []);
    assert.deepEqual(r.annotations, {});
  });

  it("sizes the quota and the limit range from the environment", () => {
    const hard = namespace({}, "prod").quota.hard as Record<string, string>;
    assert.deepEqual([hard["requests.cpu"], hard.pods], ["32", "200"]);
  });

  it("names allowExternalServices as weakened and records it beside the caller's annotations", () => {
    const r = namespace({ allowExternalServices: true, annotations: { "example.com/owner": "payments" } });
    assert.deepEqual(r.weakened, ["allowExternalServices"]);
    assert.deepEqual(r.annotations, {
      "example.com/owner": "payments",
      [WEAKENED_ANNOTATION]: "allowExternalServices",
    });
    const hard = r.quota.hard as Record<string, string>;
    assert.equal(hard["services.loadbalancers"], undefined);
    assert.equal(namespace({ allowExternalServices: false }).weakened.length, 0);
  });

  it("refuses the same bad values the component refuses", () => {
    assert.match(inputError(() => namespace({ podSecurityVersion: "v1.24" })).problem, /v1\.25 or later/);
    const kube = new Validator("kubernetes.Namespace", "kube-x");
    assert.match(
      inputError(() => resolveNamespaceArgs(kube, {}, PROFILES.dev)).problem,
      /Kubernetes reserves/,
    );
  });
});

describe("kubernetes: resolveWebServiceArgs", () => {
  it("applies the profile's replica bounds and every other default, nothing weakened", () => {
    for (const env of ["dev", "staging", "prod"] as const) {
      const r = service({}, env);
      assert.deepEqual(
        [r.minReplicas, r.maxReplicas],
        [PROFILES[env].replicas.min, PROFILES[env].replicas.max],
      );
      assert.deepEqual(r.weakened, [], env);
      assert.equal(r.annotations[WEAKENED_ANNOTATION], undefined, env);
    }
    const r = service({});
    assert.deepEqual(
      [r.servicePort, r.targetCpuUtilization, r.automountServiceAccountToken, r.mainPort, r.ingress],
      [80, 70, false, 8080, undefined],
    );
    assert.equal(r.namespace, "apps");
    assert.deepEqual(r.allowFrom, []);
    assert.equal(r.podSpec.automountServiceAccountToken, false);
  });

  it("names a mounted token and a replica floor below the profile as weakened, sorted", () => {
    const r = service({ automountServiceAccountToken: true, minReplicas: 2 });
    assert.deepEqual(r.weakened, ["automountServiceAccountToken", "minReplicas"]);
    assert.equal(r.annotations[WEAKENED_ANNOTATION], "automountServiceAccountToken minReplicas");
    // The pod template keeps the caller's annotations only: a weakening change must not roll the pods.
    assert.deepEqual(r.podAnnotations, {});
  });

  it("does not count a floor at or above the profile's as weakened", () => {
    assert.deepEqual(service({ minReplicas: 3 }).weakened, []);
    assert.deepEqual(service({ minReplicas: 5 }).weakened, []);
    assert.deepEqual(service({ minReplicas: 2 }, "staging").weakened, []);
  });

  it("resolves the Ingress and admits its controller namespace", () => {
    const r = service({ ingress: true, ingressHost: "api.example.com", ingressTlsSecretName: "api-tls" });
    assert.deepEqual(r.ingress, {
      host: "api.example.com",
      tlsSecretName: "api-tls",
      className: "nginx",
      controllerNamespace: "ingress-nginx",
    });
    assert.deepEqual(r.allowFrom, [
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } },
    ]);
  });

  it("refuses the same bad values the component refuses", () => {
    assert.match(inputError(() => service({ minReplicas: 1 })).problem, /below the prod floor/);
    assert.match(inputError(() => service({ namespace: "kube-system" })).problem, /must not run in/);
    assert.match(inputError(() => service({ ingressHost: "a.example.com" })).problem, /ingress is false/);
  });

  it("env: a known value must be a string (a number too is refused); Outputs pass", () => {
    const withEnv = (env: { [key: string]: unknown }) =>
      service({ containers: [{ name: "api", image: "ghcr.io/acme/api:1.4.2", env: env as never }] });
    for (const value of [8080, true, { v: "1" }, ["a"]]) {
      const err = inputError(() => withEnv({ PORT: value }));
      assert.deepEqual([err.field, err.problem], ["containers[0].env.PORT", "is not a string"]);
    }
    const containers = withEnv({ LOG_LEVEL: "info", ASSETS: pulumi.output("acme-assets") }).podSpec
      .containers as { env: { name: string; value: unknown }[] }[];
    const env = containers[0].env;
    assert.deepEqual(env[0], { name: "LOG_LEVEL", value: "info" });
    assert.ok(pulumi.Output.isInstance(env[1].value));
  });
});
