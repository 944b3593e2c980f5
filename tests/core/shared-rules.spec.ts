// The rules every cloud shares (image pinning, secret-looking names, the weakened record): one function
// each, so ECS, Kubernetes and the stacks' config cannot disagree about them.
import * as assert from "assert";
import { imageReferenceProblem, imageTag, looksLikeSecretName, weakenedValue } from "../../components/core";
import { PINNED_IMAGES } from "./helpers";

describe("core: shared rules", () => {
  it("imageReferenceProblem accepts tags other than latest and digests, from any registry", () => {
    for (const image of PINNED_IMAGES) {
      assert.strictEqual(imageReferenceProblem(image), undefined, image);
    }
  });

  it("imageReferenceProblem names what is wrong with an unpinned or malformed reference", () => {
    assert.strictEqual(imageReferenceProblem("nginx"), "is not pinned (no tag or digest)");
    assert.strictEqual(imageReferenceProblem("localhost:5000/api"), "is not pinned (no tag or digest)");
    assert.strictEqual(imageReferenceProblem("nginx:latest"), "uses the mutable tag latest");
    assert.match(imageReferenceProblem("acme/api@sha256:abc")!, /malformed digest/);
    assert.strictEqual(imageReferenceProblem("Nginx:1.0"), "is not a valid image reference");
    assert.strictEqual(imageReferenceProblem("nginx :1.0"), "is not a valid image reference");
    assert.strictEqual(imageReferenceProblem(""), "is empty");
    assert.strictEqual(imageReferenceProblem(42), "is not a string");
  });

  it("imageTag gives the tag, or the digest's first 12 hex digits", () => {
    assert.strictEqual(imageTag("ghcr.io/acme/api:1.2.3"), "1.2.3");
    assert.strictEqual(imageTag(`acme/api@sha256:${"c".repeat(64)}`), "c".repeat(12));
    assert.strictEqual(imageTag("nginx"), undefined);
  });

  it("looksLikeSecretName catches passwords, tokens, API and access keys, and nothing ordinary", () => {
    for (const name of [
      "DB_PASSWORD",
      "GITHUB_TOKEN",
      "STRIPE_API_KEY",
      "AWS_ACCESS_KEY_ID",
      "tls_private_key",
    ]) {
      assert.ok(looksLikeSecretName(name), name);
    }
    for (const name of ["PORT", "LOG_LEVEL", "DATABASE_HOST", "KEYSPACE"]) {
      assert.ok(!looksLikeSecretName(name), name);
    }
  });

  it("weakenedValue sorts and space-separates, and is absent when nothing is weakened", () => {
    assert.strictEqual(weakenedValue(["protect", "logRetentionDays"]), "logRetentionDays protect");
    assert.strictEqual(weakenedValue([]), undefined);
  });
});
