// Kubernetes vocabulary (components/kubernetes/{labels,naming,sizes}.ts): the recommended labels, the
// label key and value syntax, annotations, the DNS-1123 name rules and the namespace checks.
import { strict as assert } from "assert";
import { ENVIRONMENTS, Validator } from "../../components/core";
import { checkAnnotations } from "../../components/kubernetes/labels";
import { checkNamespaceName } from "../../components/kubernetes/naming";
import {
  KUBERNETES_LABEL_NAME,
  KUBERNETES_SIZES,
  KUBERNETES_SUBDOMAIN_NAME,
  RESERVED_NAMESPACES,
  kubernetesLabelKeyProblem,
  kubernetesLabelValueProblem,
  kubernetesLabels,
} from "../../components/kubernetes";
import { inputError, invalid, valid } from "../core/helpers";

describe("kubernetes/labels: kubernetesLabels", () => {
  const k = new Validator("kubernetes.Workload", "api");
  const ctx = { environment: "staging" as const, component: "kubernetes.Workload", name: "api" };

  it("sets the recommended app.kubernetes.io labels and the environment", () => {
    assert.deepEqual(
      kubernetesLabels(k, { ...ctx, version: "v1.2.3+build.5", partOf: "shop", labels: { team: "core" } }),
      {
        team: "core",
        "app.kubernetes.io/name": "api",
        "app.kubernetes.io/instance": "api",
        "app.kubernetes.io/managed-by": "groundwork",
        "app.kubernetes.io/component": "kubernetes.Workload",
        "app.kubernetes.io/part-of": "shop",
        "app.kubernetes.io/version": "v1.2.3-build.5",
        environment: "staging",
      },
    );
  });

  it("conforms an image tag used as the version into a valid label value", () => {
    for (const version of ["1.0+", "_latest", "sha256:" + "a".repeat(64), "v".repeat(62) + "+x"]) {
      const labels = kubernetesLabels(k, { ...ctx, version });
      assert.equal(kubernetesLabelValueProblem(labels["app.kubernetes.io/version"]), undefined, version);
    }
  });

  it("accepts prefixed keys and empty values; refuses bad keys and values", () => {
    assert.equal(kubernetesLabels(k, { ...ctx, labels: { "example.com/team": "" } })["example.com/team"], "");
    for (const key of ["a/b/c", "Bad_Prefix.com/x", "-x", "x".repeat(64), "example.com/", ""]) {
      const err = inputError(() => kubernetesLabels(k, { ...ctx, labels: { [key]: "v" } }));
      assert.equal(err.field, `labels.${key}`);
    }
    for (const value of ["-v", "v-", "a b", "v".repeat(64)]) {
      const err = inputError(() => kubernetesLabels(k, { ...ctx, labels: { team: value } }));
      assert.match(err.problem, /not a valid label value/);
    }
  });

  it("refuses a caller label that would overwrite a Groundwork label, but accepts the same value", () => {
    const err = inputError(() =>
      kubernetesLabels(k, { ...ctx, labels: { "app.kubernetes.io/managed-by": "helm" } }),
    );
    assert.match(err.problem, /would overwrite a label Groundwork sets/);
    inputError(() => kubernetesLabels(k, { ...ctx, labels: { environment: "prod" } }));
    assert.equal(kubernetesLabels(k, { ...ctx, labels: { environment: "staging" } }).environment, "staging");
  });

  it("refuses a name that is not a valid label value, naming the field `name`", () => {
    const err = inputError(() => kubernetesLabels(k, { ...ctx, name: "bad name" }));
    assert.equal(err.field, "name");
  });

  it("key and value syntax helpers", () => {
    assert.equal(kubernetesLabelKeyProblem("app.kubernetes.io/name"), undefined);
    assert.equal(kubernetesLabelKeyProblem("a/b/c"), "has more than one '/'");
    assert.equal(kubernetesLabelKeyProblem("UPPER.com/x"), "has an invalid prefix");
    assert.equal(kubernetesLabelKeyProblem("x".repeat(63)), undefined);
    assert.equal(kubernetesLabelKeyProblem("x".repeat(64)), "has an invalid name part");
    assert.equal(kubernetesLabelValueProblem(""), undefined);
    assert.equal(kubernetesLabelValueProblem("A.b_c-1"), undefined);
    assert.notEqual(kubernetesLabelValueProblem("a:b"), undefined);
  });
});

describe("kubernetes/naming: the DNS-1123 rules", () => {
  it("kubernetesLabel: DNS-1123 label, 1-63 characters, alphanumeric at both ends, digits first allowed", () => {
    valid(KUBERNETES_LABEL_NAME, ["a", "1abc", "web-0", "a".repeat(63)]);
    invalid(KUBERNETES_LABEL_NAME, [""], /too short/);
    invalid(KUBERNETES_LABEL_NAME, ["a".repeat(64)], /too long/);
    invalid(KUBERNETES_LABEL_NAME, ["-a", "a-", "a.b", "A", "a_b"]);
  });

  it("kubernetesSubdomain: DNS-1123 subdomain, at most 253 characters of dot-separated labels", () => {
    const label = "a".repeat(61);
    const at253 = [label, label, label, label].join(".") + ".abcd"; // 4×61 + 4 dots + 4 = 252, +1 below
    valid(KUBERNETES_SUBDOMAIN_NAME, ["a", "a.b.c", "my-app.example.com", at253 + "e"]);
    assert.equal((at253 + "e").length, 253);
    invalid(KUBERNETES_SUBDOMAIN_NAME, [at253 + "ef"], /too long/);
    invalid(KUBERNETES_SUBDOMAIN_NAME, [""], /too short/);
    invalid(KUBERNETES_SUBDOMAIN_NAME, ["a..b", ".a", "a.", "a.-b", "a-.b", "A.b", "a_b"]);
  });
});

describe("kubernetes/naming: checkNamespaceName", () => {
  const k = new Validator("kubernetes.Namespace", "x");

  it("refuses default and kube-* with the message of the use, and takes any other DNS label", () => {
    assert.equal(checkNamespaceName(k, "name", "payments", "create"), "payments");
    for (const name of [...RESERVED_NAMESPACES, "kube-tools"]) {
      assert.match(
        inputError(() => checkNamespaceName(k, "name", name, "create")).problem,
        /Kubernetes reserves/,
      );
      assert.match(inputError(() => checkNamespaceName(k, "ns", name, "deploy")).problem, /must not run in/);
    }
    assert.equal(inputError(() => checkNamespaceName(k, "ns", "Bad_NS", "deploy")).field, "ns");
  });
});

describe("kubernetes/labels: checkAnnotations", () => {
  const k = new Validator("kubernetes.WebService", "api");

  it("returns a copy of valid annotations, an empty map when absent", () => {
    const given = { "example.com/owner": "payments" };
    const checked = checkAnnotations(k, given);
    assert.deepEqual(checked, given);
    assert.notStrictEqual(checked, given);
    assert.deepEqual(checkAnnotations(k, undefined), {});
  });

  it("refuses a non-map, a non-string value and a bad key, naming the annotation", () => {
    assert.equal(inputError(() => checkAnnotations(k, ["a"] as never)).field, "annotations");
    assert.equal(inputError(() => checkAnnotations(k, { a: 1 as never })).field, "annotations.a");
    const bad = inputError(() => checkAnnotations(k, { "bad key!": "x" }));
    assert.equal(bad.field, "annotations.bad key!");
    assert.match(bad.expected, /^an annotation key/);
  });
});

describe("kubernetes/sizes: KUBERNETES_SIZES", () => {
  it("sizes every environment core knows", () => {
    assert.deepEqual(Object.keys(KUBERNETES_SIZES).sort(), [...ENVIRONMENTS].sort());
    assert.equal(KUBERNETES_SIZES.dev.container.cpuRequest, "100m");
    assert.equal(KUBERNETES_SIZES.prod.namespaceQuota.pods, "200");
  });
});
