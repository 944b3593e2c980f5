// Unit tests for tags and labels: the Groundwork keys, reserved keys refused, and each cloud's limits.
import { strict as assert } from "assert";
import {
  GroundworkInputError,
  MANAGED_BY,
  Validator,
  awsTags,
  azureTags,
  conformGcpLabel,
  gcpLabels,
  kubernetesLabelKeyProblem,
  kubernetesLabelValueProblem,
  kubernetesLabels,
  standardTags,
} from "../../components/core";

function inputError(fn: () => unknown): GroundworkInputError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GroundworkInputError, `expected a GroundworkInputError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a GroundworkInputError, nothing was thrown");
}

const v = new Validator("aws.Bucket", "logs");
const base = { environment: "prod" as const, component: "aws.Bucket" };

describe("core/tags: standardTags", () => {
  it("adds environment, managed-by and component to the caller's tags", () => {
    assert.deepEqual(standardTags(v, { ...base, tags: { team: "payments" } }), {
      team: "payments",
      environment: "prod",
      "managed-by": MANAGED_BY,
      component: "aws.Bucket",
    });
    assert.equal(MANAGED_BY, "groundwork");
  });

  it("accepts a reserved key set to the value Groundwork would set", () => {
    assert.equal(standardTags(v, { ...base, tags: { environment: "prod" } }).environment, "prod");
  });

  it("refuses a caller tag that would change a Groundwork key", () => {
    for (const key of ["environment", "managed-by", "component"]) {
      const err = inputError(() => standardTags(v, { ...base, tags: { [key]: "other" } }));
      assert.equal(err.field, `tags.${key}`);
      assert.equal(err.value, "other");
      assert.match(
        err.message,
        /^aws\.Bucket "logs": tags\.\S+ "other" would overwrite a tag Groundwork sets/,
      );
    }
  });

  it("refuses tags that are not a map of strings", () => {
    inputError(() => standardTags(v, { ...base, tags: ["a"] as unknown as Record<string, string> }));
    const err = inputError(() => standardTags(v, { ...base, tags: { n: 1 as unknown as string } }));
    assert.equal(err.field, "tags.n");
  });
});

describe("core/tags: awsTags", () => {
  it("passes conforming tags through with the Groundwork keys", () => {
    const tags = awsTags(v, { ...base, tags: { "cost-center": "CC 42/a+b=c@d:e_f.g" } });
    assert.equal(tags["cost-center"], "CC 42/a+b=c@d:e_f.g");
    assert.equal(tags["managed-by"], "groundwork");
  });

  it("accepts the limits: 128-character keys and 256-character values", () => {
    const tags = awsTags(v, { ...base, tags: { ["k".repeat(128)]: "v".repeat(256) } });
    assert.equal(tags["k".repeat(128)], "v".repeat(256));
  });

  it("refuses keys over 128, values over 256, the aws: prefix and characters AWS does not allow", () => {
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { ["k".repeat(129)]: "v" } })).problem,
      /not a valid AWS tag key/,
    );
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { key: "v".repeat(257) } })).problem,
      /too long for an AWS tag value/,
    );
    assert.match(
      inputError(() => awsTags(v, { ...base, tags: { "AWS:owner": "x" } })).problem,
      /aws: prefix/,
    );
    assert.match(inputError(() => awsTags(v, { ...base, tags: { "a*b": "x" } })).problem, /do not allow/);
    assert.match(inputError(() => awsTags(v, { ...base, tags: { key: "x;y" } })).problem, /do not allow/);
  });

  it("refuses the empty key", () => {
    const err = inputError(() => awsTags(v, { ...base, tags: { "": "x" } }));
    assert.equal(err.field, "tags.");
  });
});

describe("core/tags: azureTags", () => {
  it("passes conforming tags through, up to 512-character names and 256-character values", () => {
    const tags = azureTags(v, { ...base, tags: { ["n".repeat(512)]: "v".repeat(256), "Cost Center": "42" } });
    assert.equal(tags["Cost Center"], "42");
    assert.equal(tags.environment, "prod");
  });

  it("refuses names with < > % & \\ ? / or over 512 characters, and values over 256", () => {
    for (const key of ["a<b", "a>b", "a%b", "a&b", "a\\b", "a?b", "a/b", "n".repeat(513)]) {
      assert.match(
        inputError(() => azureTags(v, { ...base, tags: { [key]: "x" } })).problem,
        /Azure tag name/,
      );
    }
    assert.match(
      inputError(() => azureTags(v, { ...base, tags: { k: "v".repeat(257) } })).problem,
      /too long for an Azure tag value/,
    );
  });

  it("still refuses a reserved key", () => {
    inputError(() => azureTags(v, { ...base, tags: { "managed-by": "terraform" } }));
  });
});

describe("core/tags: gcpLabels", () => {
  it("conforms keys and values to the label charset and keeps the Groundwork keys readable", () => {
    const labels = gcpLabels(v, { ...base, component: "gcp.Bucket", tags: { "Cost Center": "Team A/B" } });
    assert.deepEqual(labels, {
      cost_center: "team_a_b",
      environment: "prod",
      "managed-by": "groundwork",
      component: "gcp_bucket",
    });
  });

  it("every label conforms: at most 63 of lowercase letters, digits, _ and -, keys starting with a letter", () => {
    const labels = gcpLabels(v, {
      ...base,
      tags: { "9lives": "x".repeat(100), ÄBC: "Ünïcode", _x: "" },
    });
    for (const [k, val] of Object.entries(labels)) {
      assert.match(k, /^\p{Ll}[\p{Ll}\p{Lo}0-9_-]{0,62}$/u, k);
      assert.match(val, /^[\p{Ll}\p{Lo}0-9_-]{0,63}$/u, val);
    }
    assert.equal(labels.k_9lives, "x".repeat(63));
    assert.equal(labels.äbc, "ünïcode");
  });

  it("conformGcpLabel prefixes keys that do not start with a letter, not values", () => {
    assert.equal(conformGcpLabel("1a", true), "k_1a");
    assert.equal(conformGcpLabel("1a", false), "1a");
    assert.equal(conformGcpLabel("A.B", false), "a_b");
  });

  it("refuses two caller keys that conform to the same label, and a key that collides with a Groundwork key", () => {
    const err = inputError(() =>
      gcpLabels(v, { ...base, tags: { "cost center": "a", "Cost-Center": "b", cost_center: "c" } }),
    );
    assert.match(err.problem, /conforms to the same label key/);
    const reserved = inputError(() => gcpLabels(v, { ...base, tags: { Environment: "dev" } }));
    assert.equal(reserved.field, "labels.environment");
  });

  it("refuses more than 64 labels (the three Groundwork keys count)", () => {
    const tags = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    assert.equal(Object.keys(gcpLabels(v, { ...base, tags: tags(61) })).length, 64);
    const err = inputError(() => gcpLabels(v, { ...base, tags: tags(62) }));
    assert.equal(err.field, "labels");
    assert.equal(err.value, 65);
  });
});

describe("core/tags: kubernetesLabels", () => {
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
