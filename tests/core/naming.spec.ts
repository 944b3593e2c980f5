// Unit and property tests for naming: child names, the per-cloud physical name rules, and shapeName.
import { strict as assert } from "assert";
import fc from "fast-check";
import {
  GroundworkInputError,
  NAME_RULES,
  NameKind,
  Validator,
  childName,
  nameProblem,
  shapeName,
  shortHash,
  validateName,
} from "../../components/core";

const KINDS = Object.keys(NAME_RULES) as NameKind[];

function valid(kind: NameKind, names: string[]): void {
  for (const n of names)
    assert.equal(nameProblem(kind, n), undefined, `${kind}: ${JSON.stringify(n)} should be valid`);
}

function invalid(kind: NameKind, names: string[], problem?: RegExp): void {
  for (const n of names) {
    const p = nameProblem(kind, n);
    assert.notEqual(p, undefined, `${kind}: ${JSON.stringify(n)} should be invalid`);
    if (problem) assert.match(p!, problem, `${kind}: ${JSON.stringify(n)}`);
  }
}

describe("core/naming: childName", () => {
  it("joins the component name and suffixes with hyphens", () => {
    assert.equal(childName("core"), "core");
    assert.equal(childName("core", "logs"), "core-logs");
    assert.equal(childName("core", "private", 2), "core-private-2");
  });
});

describe("core/naming: nameProblem", () => {
  it("s3Bucket: 3-63 lowercase letters, digits, dots, hyphens, alphanumeric at both ends", () => {
    valid("s3Bucket", ["abc", "my-bucket.logs", "a".repeat(63), "1bucket9", "a.b-c"]);
    invalid("s3Bucket", ["ab"], /too short/);
    invalid("s3Bucket", ["a".repeat(64)], /too long/);
    invalid("s3Bucket", ["My-Bucket", "-abc", "abc-", "abc.", "a_b", "a b"], /characters or a shape/);
  });

  it("s3Bucket: refuses IP-shaped names, '..', reserved prefixes and reserved suffixes", () => {
    invalid("s3Bucket", ["192.168.5.4", "10.0.0.1"], /IP address/);
    invalid("s3Bucket", ["my..bucket"], /'\.\.'/);
    invalid("s3Bucket", ["xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket"], /reserved prefix/);
    invalid(
      "s3Bucket",
      ["bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--x-s3"],
      /reserved suffix/,
    );
    // Near misses stay valid.
    valid("s3Bucket", ["192.168.5.4a", "1.2.3", "xn-bucket", "bucket-s3alia", "sthreebucket"]);
  });

  it("azureStorageAccount: 3-24 lowercase letters and digits only", () => {
    valid("azureStorageAccount", ["abc", "a1b2c3", "a".repeat(24), "123"]);
    invalid("azureStorageAccount", ["ab", ""], /too short/);
    invalid("azureStorageAccount", ["a".repeat(25)], /too long/);
    invalid("azureStorageAccount", ["Abc", "ab-c", "ab.c", "ab_c"]);
  });

  it("gcpResource: RFC 1035, 1-63 characters, a letter first, no trailing hyphen", () => {
    valid("gcpResource", ["a", "a-1", "abc-def9", "a".repeat(63)]);
    invalid("gcpResource", [""], /too short/);
    invalid("gcpResource", ["a".repeat(64)], /too long/);
    invalid("gcpResource", ["1abc", "-abc", "abc-", "Abc", "a_b", "a.b"]);
  });

  it("kubernetesLabel: DNS-1123 label, 1-63 characters, alphanumeric at both ends, digits first allowed", () => {
    valid("kubernetesLabel", ["a", "1abc", "web-0", "a".repeat(63)]);
    invalid("kubernetesLabel", [""], /too short/);
    invalid("kubernetesLabel", ["a".repeat(64)], /too long/);
    invalid("kubernetesLabel", ["-a", "a-", "a.b", "A", "a_b"]);
  });

  it("kubernetesSubdomain: DNS-1123 subdomain, at most 253 characters of dot-separated labels", () => {
    const label = "a".repeat(61);
    const at253 = [label, label, label, label].join(".") + ".abcd"; // 4×61 + 4 dots + 4 = 252, +1 below
    valid("kubernetesSubdomain", ["a", "a.b.c", "my-app.example.com", at253 + "e"]);
    assert.equal((at253 + "e").length, 253);
    invalid("kubernetesSubdomain", [at253 + "ef"], /too long/);
    invalid("kubernetesSubdomain", [""], /too short/);
    invalid("kubernetesSubdomain", ["a..b", ".a", "a.", "a.-b", "a-.b", "A.b", "a_b"]);
  });

  it("validateName throws the component input error naming the field and the rule", () => {
    const v = new Validator("azure.Storage", "logs");
    assert.equal(validateName(v, "accountName", "azureStorageAccount", "logs01"), "logs01");
    assert.throws(
      () => validateName(v, "accountName", "azureStorageAccount", "Logs-01"),
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

describe("core/naming: shapeName", () => {
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
      const max = NAME_RULES[kind].maxLength;
      const a = shapeName(kind, "a".repeat(max + 10));
      const b = shapeName(kind, "a".repeat(max + 11));
      assert.ok(a.length <= max, `${kind}: ${a}`);
      assert.notEqual(a, b);
      assert.equal(nameProblem(kind, a), undefined, `${kind}: ${a}`);
    }
  });

  it("never returns a name its own rule refuses (IP shapes, reserved affixes, too short)", () => {
    const cases: [NameKind, string][] = [
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
