// Google Cloud vocabulary (components/gcp): label conformance and the resource name rule.
import { strict as assert } from "assert";
import { Validator } from "../../../components/core";
import { Bucket, conformGcpLabel, gcpLabels } from "../../../components/gcp";
import { GCP_RESOURCE_NAME } from "../../../components/gcp";
import { inputError, invalid, valid } from "../helpers";

const v = new Validator("aws.Bucket", "logs");
const base = { environment: "prod" as const, component: "aws.Bucket" };

describe("gcp/labels: gcpLabels", () => {
  it("passes labels Google Cloud takes and conforms only Groundwork's own values", () => {
    const labels = gcpLabels(v, {
      ...base,
      component: "gcp.Bucket",
      tags: { cost_center: "team_a-b", äbc: "ünï" },
    });
    assert.deepEqual(labels, {
      cost_center: "team_a-b",
      äbc: "ünï",
      environment: "prod",
      "managed-by": "groundwork",
      component: "gcp_bucket",
    });
  });

  it('refuses "Cost Center": "X Y" instead of rewriting it, naming the label form that would be taken', () => {
    const key = inputError(() => gcpLabels(v, { ...base, tags: { "Cost Center": "X Y" } }));
    assert.equal(key.field, "labels.Cost Center");
    assert.equal(key.value, "Cost Center");
    assert.match(key.problem, /not a Google Cloud label key: it has characters other than lowercase letters/);
    assert.match(key.expected, /starting with a letter, such as "cost_center"$/);
    const value = inputError(() => gcpLabels(v, { ...base, tags: { cost_center: "X Y" } }));
    assert.equal(value.field, "labels.cost_center");
    assert.equal(value.value, "X Y");
    assert.match(value.expected, /such as "x_y"$/);
  });

  it('gcp.Bucket with labels { "Cost Center": "X Y" } is refused, not relabelled', () => {
    const err = inputError(() => new Bucket("assets", { labels: { "Cost Center": "X Y" } }));
    assert.equal(err.component, "gcp.Bucket");
    assert.equal(
      err.message.split(" (expected")[0],
      'gcp.Bucket "assets": labels.Cost Center "Cost Center" is not a Google Cloud label key: it has characters other than lowercase letters, digits, _ and -',
    );
  });

  it("refuses keys over 63 or not starting with a letter, values over 63; accepts the limits", () => {
    const at = gcpLabels(v, { ...base, tags: { ["k".repeat(63)]: "v".repeat(63), e: "" } });
    assert.equal(at["k".repeat(63)], "v".repeat(63));
    assert.match(
      inputError(() => gcpLabels(v, { ...base, tags: { ["k".repeat(64)]: "v" } })).problem,
      /too long/,
    );
    assert.match(
      inputError(() => gcpLabels(v, { ...base, tags: { k: "v".repeat(64) } })).problem,
      /too long/,
    );
    const digit = inputError(() => gcpLabels(v, { ...base, tags: { "9lives": "x" } }));
    assert.match(digit.problem, /does not start with a lowercase letter/);
    assert.match(digit.expected, /"k_9lives"$/);
    assert.match(inputError(() => gcpLabels(v, { ...base, tags: { "": "x" } })).problem, /is empty/);
  });

  it("conformGcpLabel prefixes keys that do not start with a letter, not values", () => {
    assert.equal(conformGcpLabel("1a", true), "k_1a");
    assert.equal(conformGcpLabel("1a", false), "1a");
    assert.equal(conformGcpLabel("A.B", false), "a_b");
  });

  it("refuses a key that differs from a Groundwork key only in case, and a Groundwork key with another value", () => {
    assert.match(
      inputError(() => gcpLabels(v, { ...base, tags: { Environment: "dev" } })).expected,
      /"environment"$/,
    );
    const reserved = inputError(() => gcpLabels(v, { ...base, tags: { environment: "dev" } }));
    assert.equal(reserved.field, "labels.environment");
  });

  it("refuses more labels than 64 leaves room for, the four Groundwork adds counted", () => {
    const tags = (n: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    assert.equal(Object.keys(gcpLabels(v, { ...base, tags: tags(60) })).length, 63);
    const err = inputError(() => gcpLabels(v, { ...base, tags: tags(61) }));
    assert.equal(err.field, "labels");
    assert.equal(err.value, "61 labels");
    assert.match(err.problem, /each resource would carry 65, more than the 64 Google Cloud allows/);
    assert.equal(err.expected, "at most 60 labels of your own");
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
