// Refactor safety: each stack's URNs must match the recorded list (compared where each stack is
// synthesized for its other tests: platform.spec and clouds.spec, `assertUrnsLocked`). A renamed,
// re-parented or dropped resource is a replacement in production; the failure shows which and how to accept it.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readLock, stackNames } from "./platform";
import { synth } from "../../engine/synth";
import { diffUrns, formatUrnChanges, urnList } from "../../engine/urns";

describe("stacks: recorded URNs (refactor safety)", function () {
  this.timeout(120_000);

  it("has a recorded URN list for every stack", () => {
    assert.deepEqual(stackNames(), [
      "azure-dev",
      "azure-prod",
      "dev",
      "gcp-dev",
      "gcp-prod",
      "prod",
      "staging",
    ]);
    for (const stack of stackNames())
      assert.ok(readLock(stack)?.length, `tests/stacks/urns/${stack}.txt is missing`);
  });
});

describe("stacks: the URN check catches a renamed child", () => {
  // A component whose child is renamed between two versions: the exact change a refactor makes.
  class RawBucket extends pulumi.CustomResource {
    constructor(name: string, opts: pulumi.CustomResourceOptions) {
      super("aws:s3/bucket:Bucket", name, {}, opts);
    }
  }
  class Store extends pulumi.ComponentResource {
    constructor(name: string, childSuffix: string, aliased: boolean) {
      super("groundwork:test:Store", name, {}, {});
      new RawBucket(`${name}-${childSuffix}`, {
        parent: this,
        aliases: aliased ? [{ name: `${name}-bucket` }] : [],
      });
      this.registerOutputs({});
    }
  }
  const urnsOf = async (suffix: string, aliased = false) => {
    const g = await synth(() => void new Store("media", suffix, aliased), { project: "p", stack: "prod" });
    return { urns: urnList(g), aliases: new Map(g.resources.map((r) => [r.urn, r.aliases])) };
  };

  it("fails with a readable diff naming the old and new URN and the replacement", async () => {
    const before = await urnsOf("bucket");
    const after = await urnsOf("data");
    const changes = diffUrns(before.urns, after.urns, (u) => after.aliases.get(u) ?? []);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.from, c.to, c.aliased]),
      [
        [
          "renamed",
          "urn:pulumi:prod::p::groundwork:test:Store$aws:s3/bucket:Bucket::media-bucket",
          "urn:pulumi:prod::p::groundwork:test:Store$aws:s3/bucket:Bucket::media-data",
          false,
        ],
      ],
    );
    const text = formatUrnChanges("prod", changes);
    assert.match(text, /renamed\s+urn:.*::media-bucket\n\s+-> urn:.*::media-data\s+\(would be REPLACED/);
  });

  it("says an alias covers the rename", async () => {
    const before = await urnsOf("bucket");
    const after = await urnsOf("data", true);
    const changes = diffUrns(before.urns, after.urns, (u) => after.aliases.get(u) ?? []);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.aliased]),
      [["renamed", true]],
    );
    assert.match(formatUrnChanges("prod", changes), /covered by an alias: no replacement/);
  });

  it("classifies re-parented, dropped and added resources", () => {
    const changes = diffUrns(
      ["urn:pulumi:s::p::a:b:C$x:y:Z::n", "urn:pulumi:s::p::x:y:Gone::g"],
      ["urn:pulumi:s::p::a:b:D$x:y:Z::n", "urn:pulumi:s::p::x:y:New::k"],
    );
    assert.deepEqual(
      changes.map((c) => c.kind),
      ["re-parented", "dropped", "added"],
    );
    assert.match(formatUrnChanges("s", changes), /would be DELETED/);
  });
});
