// Unit tests for the cloud-neutral tag set: the Groundwork keys, reserved keys refused, and the weakened
// record. Each cloud's own limits are tested in tests/core/vocabulary and tests/kubernetes.
import { strict as assert } from "assert";
import { MANAGED_BY, Validator, WEAKENED_TAG, standardTags, withWeakenedRecord } from "../../components/core";
import { inputError } from "./helpers";

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

describe("core/weakening: withWeakenedRecord", () => {
  it("records the sorted names under the key, and adds nothing when nothing is weakened", () => {
    const tags = { team: "payments" };
    assert.strictEqual(withWeakenedRecord(tags, WEAKENED_TAG, []), tags);
    assert.deepEqual(withWeakenedRecord(tags, WEAKENED_TAG, ["protect", "logRetentionDays"]), {
      team: "payments",
      "groundwork-weakened": "logRetentionDays protect",
    });
  });
});
