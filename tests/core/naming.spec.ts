// Unit and property tests for naming: child names, the generic rule checks, and shapeNameFor over every
// cloud's rule (each rule's own cases are in tests/core/vocabulary and tests/kubernetes/vocabulary.spec.ts).
import { strict as assert } from "assert";
import fc from "fast-check";
import {
  GroundworkInputError,
  NameRule,
  Validator,
  childName,
  nameProblemFor,
  shapeNameFor,
  shortHash,
  validateNameFor,
} from "../../components/core";
import { S3_BUCKET_NAME } from "../../components/aws/naming";
import { AZURE_STORAGE_ACCOUNT_NAME } from "../../components/azure/naming";
import { GCP_RESOURCE_NAME } from "../../components/gcp/naming";
import { KUBERNETES_LABEL_NAME, KUBERNETES_SUBDOMAIN_NAME } from "../../components/kubernetes/naming";

/** Every rule Groundwork ships, by id: the shaping properties must hold for each. */
const RULES: { readonly [id: string]: NameRule } = Object.fromEntries(
  [
    S3_BUCKET_NAME,
    AZURE_STORAGE_ACCOUNT_NAME,
    GCP_RESOURCE_NAME,
    KUBERNETES_LABEL_NAME,
    KUBERNETES_SUBDOMAIN_NAME,
  ].map((r) => [r.id, r]),
);
const KINDS = Object.keys(RULES);
const nameProblem = (kind: string, name: string): string | undefined => nameProblemFor(RULES[kind], name);
const shapeName = (kind: string, raw: string): string => shapeNameFor(RULES[kind], raw);

describe("core/naming: childName", () => {
  it("joins the component name and suffixes with hyphens", () => {
    assert.equal(childName("core"), "core");
    assert.equal(childName("core", "logs"), "core-logs");
    assert.equal(childName("core", "private", 2), "core-private-2");
  });
});

describe("core/naming: validateNameFor", () => {
  it("validateNameFor throws the component input error naming the field and the rule", () => {
    const v = new Validator("azure.Storage", "logs");
    assert.equal(validateNameFor(v, "accountName", AZURE_STORAGE_ACCOUNT_NAME, "logs01"), "logs01");
    assert.throws(
      () => validateNameFor(v, "accountName", AZURE_STORAGE_ACCOUNT_NAME, "Logs-01"),
      (err: unknown) =>
        err instanceof GroundworkInputError &&
        err.message ===
          'azure.Storage "logs": accountName "Logs-01" contains characters or a shape the rule does not allow ' +
            "(expected 3-24 lowercase letters and digits)",
    );
  });
});

describe("core/naming: shortHash", () => {
  it("is stable and hex", () => {
    assert.equal(shortHash("x"), shortHash("x"));
    assert.match(shortHash("x"), /^[0-9a-f]{8}$/);
    assert.match(shortHash("x", 6), /^[0-9a-f]{6}$/);
    assert.notEqual(shortHash("x"), shortHash("y"));
  });
});

describe("core/naming: shapeNameFor", () => {
  it("keeps an already valid name unchanged", () => {
    assert.equal(shapeName("s3Bucket", "my-bucket.logs"), "my-bucket.logs");
    assert.equal(shapeName("azureStorageAccount", "logs01"), "logs01");
    assert.equal(shapeName("gcpResource", "web-1"), "web-1");
    assert.equal(shapeName("kubernetesLabel", "0web"), "0web");
    assert.equal(shapeName("kubernetesSubdomain", "a.b"), "a.b");
  });

  it("shapes invalid text into a valid name that keeps the readable part and adds a hash", () => {
    const s = shapeName("s3Bucket", "Core_Logs");
    assert.match(s, /^core-logs-[0-9a-f]{8}$/);
    const a = shapeName("azureStorageAccount", "core-logs-prod");
    assert.match(a, /^corelogsprod[0-9a-f]{6}$/);
    const g = shapeName("gcpResource", "9lives");
    assert.equal(nameProblem("gcpResource", g), undefined);
    assert.match(g, /lives/);
  });

  it("truncates long names to the rule's maximum, keeping them distinct", () => {
    for (const kind of KINDS) {
      const max = RULES[kind].maxLength;
      const a = shapeName(kind, "a".repeat(max + 10));
      const b = shapeName(kind, "a".repeat(max + 11));
      assert.ok(a.length <= max, `${kind}: ${a}`);
      assert.notEqual(a, b);
      assert.equal(nameProblem(kind, a), undefined, `${kind}: ${a}`);
    }
  });

  it("never returns a name its own rule refuses (IP shapes, reserved affixes, too short)", () => {
    const cases: [string, string][] = [
      ["s3Bucket", "10.0.0.1"],
      ["s3Bucket", "sthree-data"],
      ["s3Bucket", "amzn-s3-demo-data"],
      ["s3Bucket", "XN--data"],
      ["s3Bucket", "data-s3alias"],
      ["s3Bucket", "data--ol-s3"],
      ["s3Bucket", "data.mrap"],
      ["s3Bucket", "a"],
      ["azureStorageAccount", "ab"],
      ["gcpResource", "0"],
      ["gcpResource", "123-abc"],
      ["kubernetesSubdomain", "a.-b"],
      ["kubernetesSubdomain", "a-.b"],
    ];
    for (const [kind, raw] of cases) {
      const shaped = shapeName(kind, raw);
      assert.equal(nameProblem(kind, shaped), undefined, `${kind} ${JSON.stringify(raw)} -> ${shaped}`);
    }
  });

  it("refuses text with no usable character, saying so", () => {
    for (const kind of KINDS) {
      assert.throws(() => shapeName(kind, "!!!"), /cannot shape "!!!" into .*has no usable characters/);
      assert.throws(() => shapeName(kind, ""), /has no usable characters/);
    }
  });

  // Text with at least one ASCII letter or digit somewhere, the rest anything at all.
  const usable = fc
    .tuple(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(..."aZ09qX5".split("")),
      fc.string({ maxLength: 300 }),
    )
    .map(([a, c, b]) => a + c + b);
  const fullUnicode = fc
    .tuple(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom("a", "7", "Q"),
      fc.string({ unit: "binary", maxLength: 80 }),
    )
    .map(([a, c, b]) => a + c + b);

  it("property: the result is always valid under its rule", () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(fc.oneof(usable, fullUnicode), (raw) => {
          const shaped = shapeName(kind, raw);
          assert.equal(nameProblem(kind, shaped), undefined, `${kind}: ${JSON.stringify(raw)} -> ${shaped}`);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("property: distinct inputs stay distinct when shaped, even when they differ only in dropped characters", () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(usable, usable, (a, b) => {
          fc.pre(a !== b);
          assert.notEqual(shapeName(kind, a), shapeName(kind, b), `${kind}: ${JSON.stringify([a, b])}`);
        }),
        { numRuns: 200 },
      );
      // Inputs crafted to shape to the same readable part.
      const pairs = [
        ["Core Logs", "core_logs"],
        ["a".repeat(300), "a".repeat(301)],
        ["web.1", "web_1"],
      ];
      for (const [a, b] of pairs)
        assert.notEqual(shapeName(kind, a), shapeName(kind, b), `${kind}: ${a} vs ${b}`);
    }
  });

  it("property: shaping is deterministic and idempotent on its own output", () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(usable, (raw) => {
          const shaped = shapeName(kind, raw);
          assert.equal(shapeName(kind, raw), shaped);
          assert.equal(shapeName(kind, shaped), shaped);
        }),
        { numRuns: 100 },
      );
    }
  });
});
