// Google Cloud vocabulary (components/gcp): label conformance and the resource name rule.
import { strict as assert } from "assert";
import { Validator } from "../../../components/core";
import { conformGcpLabel, gcpLabels } from "../../../components/gcp";
import { GCP_RESOURCE_NAME } from "../../../components/gcp";
import { inputError, invalid, valid } from "../helpers";

const v = new Validator("aws.Bucket", "logs");
const base = { environment: "prod" as const, component: "aws.Bucket" };

describe("gcp/labels: gcpLabels", () => {
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

describe("gcp/naming: GCP_RESOURCE_NAME", () => {
  it("gcpResource: RFC 1035, 1-63 characters, a letter first, no trailing hyphen", () => {
    valid(GCP_RESOURCE_NAME, ["a", "a-1", "abc-def9", "a".repeat(63)]);
    invalid(GCP_RESOURCE_NAME, [""], /too short/);
    invalid(GCP_RESOURCE_NAME, ["a".repeat(64)], /too long/);
    invalid(GCP_RESOURCE_NAME, ["1abc", "-abc", "abc-", "Abc", "a_b", "a.b"]);
  });
});
