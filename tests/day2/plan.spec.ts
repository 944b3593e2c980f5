// The day-2 planner on raw resources: classification by the provider facts, ignoreChanges, replacements
// followed to dependents, aliases, deletions, server-managed properties and unclassified inputs.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CryptoKey } from "@pulumi/gcp/kms/cryptoKey";
import { KeyRing } from "@pulumi/gcp/kms/keyRing";
import { DatabaseInstance } from "@pulumi/gcp/sql/databaseInstance";
import { Bucket } from "@pulumi/gcp/storage/bucket";
import { ignoredBy, leaves, planChange, serverDrift, unclassifiedInputs } from "../../engine/day2";
import { classify } from "../../facts/resources";
import { synth } from "../../engine/synth";
import { CreationOrder } from "../../engine/ordering";
import { planProblems } from "./kit";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

/** A resource of a package nobody has facts for. */
class Widget extends pulumi.CustomResource {
  constructor(name: string, args: { size: number }) {
    super("acme:widgets/widget:Widget", name, args);
  }
}

/** A key ring, a key and an instance encrypted with it; `o` varies what a day-2 change varies. */
function program(
  o: { window?: string; tier?: string; disk?: number; ignoreDisk?: boolean; rotation?: string } = {},
) {
  return () => {
    const ring = new KeyRing("ring", { location: "europe-west1" });
    const key = new CryptoKey("key", {
      keyRing: ring.id,
      rotationPeriod: o.rotation ?? "7776000s",
      destroyScheduledDuration: o.window ?? "2592000s",
    });
    new DatabaseInstance(
      "db",
      {
        region: "europe-west1",
        databaseVersion: "POSTGRES_16",
        encryptionKeyName: key.id,
        settings: { tier: o.tier ?? "db-custom-2-7680", diskSize: o.disk ?? 20, diskAutoresize: true },
      },
      { ignoreChanges: o.ignoreDisk === false ? [] : ["settings.diskSize"] },
    );
  };
}

describe("day-2 planner", () => {
  it("classifies inputs by the provider facts, the deepest fact winning", () => {
    assert.strictEqual(classify(SQL, "region")?.change, "replace");
    assert.strictEqual(classify(SQL, "settings.tier")?.change, "update");
    // `settings` updates in place, but its `collation` is ForceNew in the provider's schema.
    assert.strictEqual(classify(SQL, "settings.collation")?.change, "replace");
    assert.strictEqual(classify(SQL, "settings.databaseFlags[3].value")?.change, "update");
    assert.strictEqual(classify(SQL, "settings.diskSize")?.change, "replace-if-decreased");
    assert.strictEqual(classify(SQL, "noSuchInput"), undefined);
    assert.strictEqual(classify("gcp:nope/nope:Nope", "region"), undefined);
  });

  it("reads paths and ignoreChanges entries the way the engine does", () => {
    assert.deepStrictEqual(
      [...leaves({ a: { b: [1, { c: 2 }] }, d: {}, e: [] }).entries()],
      [
        ["a.b[0]", 1],
        ["a.b[1].c", 2],
        ["d", {}],
        ["e", []],
      ],
    );
    assert.ok(ignoredBy(["settings.diskSize"], "settings.diskSize"));
    assert.ok(ignoredBy(["tags"], "tags.owner"));
    assert.ok(ignoredBy(["rules[*]"], "rules[3].port"));
    assert.ok(!ignoredBy(["settings.diskSize"], "settings.diskType"));
    assert.ok(!ignoredBy(["tag"], "tags"));
  });

  it("an in-place change is an update and replaces nothing", async () => {
    const plan = await planChange(program(), program({ tier: "db-custom-4-15360", rotation: "2592000s" }));
    assert.deepStrictEqual(
      plan.changed.map((c) => [c.name, c.action, c.inputs.map((i) => i.path)]),
      [
        ["key", "update", ["rotationPeriod"]],
        ["db", "update", ["settings.tier"]],
      ],
    );
    assert.deepStrictEqual(planProblems(plan), []);
  });

  it("a replacement follows the new id to what depends on it: a new key replaces the database", async () => {
    const plan = await planChange(program(), program({ window: "5184000s" }));
    const replaced = plan.changed.filter((c) => c.action === "replace").map((c) => c.name);
    assert.deepStrictEqual(replaced.sort(), ["db", "key"]);
    const db = plan.changed.find((c) => c.name === "db")!;
    assert.deepStrictEqual(
      db.inputs.map((i) => [i.path, i.change]),
      [["encryptionKeyName", "replace"]],
    );
    const problems = planProblems(plan);
    assert.strictEqual(problems.length, 2, problems.join("\n"));
    assert.match(
      problems.join("\n"),
      /"key" \(data\) replaces:\n\s+destroyScheduledDuration: "2592000s" → "5184000s"/,
    );
    // Naming both as intended clears them; naming one that is not replaced is itself a problem.
    assert.deepStrictEqual(planProblems(plan, { key: "asked for", db: "asked for" }), []);
    assert.match(
      planProblems(plan, { key: "a", db: "b", ring: "c" }).join(),
      /"ring" was expected to be replaced/,
    );
  });

  it("a smaller disk replaces the instance unless ignored; a larger one updates it", async () => {
    const shrink = await planChange(
      program({ disk: 50, ignoreDisk: false }),
      program({ disk: 20, ignoreDisk: false }),
    );
    assert.deepStrictEqual(
      shrink.changed.map((c) => [c.name, c.action]),
      [["db", "replace"]],
    );
    const grow = await planChange(
      program({ disk: 20, ignoreDisk: false }),
      program({ disk: 50, ignoreDisk: false }),
    );
    assert.deepStrictEqual(
      grow.changed.map((c) => [c.name, c.action]),
      [["db", "update"]],
    );
    const ignored = await planChange(program({ disk: 50 }), program({ disk: 20 }));
    assert.deepStrictEqual(
      ignored.changed.map((c) => [c.name, c.action, c.inputs.map((i) => i.ignored)]),
      [["db", "update", [true]]],
    );
    assert.deepStrictEqual(planProblems(ignored), []);
  });

  it("finds a server-managed property that is set and not ignored", async () => {
    const plan = await planChange(program({ ignoreDisk: false }), program({ ignoreDisk: false }));
    assert.deepStrictEqual(
      serverDrift(plan.before).map((d) => [d.type, d.path]),
      [[SQL, "settings.diskSize"]],
    );
    const ok = await planChange(program(), program());
    assert.deepStrictEqual(serverDrift(ok.before), []);
  });

  it("reports deletions of stateful resources, and an alias is the same resource", async () => {
    const before = () => {
      new Bucket("logs", { location: "EU" });
    };
    const renamed = () => {
      new Bucket("archive", { location: "EU" });
    };
    const aliased = () => {
      new Bucket("archive", { location: "EU" }, { aliases: [{ name: "logs" }] });
    };
    const plan = await planChange(before, renamed);
    assert.deepStrictEqual(
      plan.deleted.map((d) => [d.type, d.stateful]),
      [["gcp:storage/bucket:Bucket", "data"]],
    );
    assert.match(
      planProblems(plan).join(),
      /a stateful resource is deleted: gcp:storage\/bucket:Bucket "logs"/,
    );
    const kept = await planChange(before, aliased);
    assert.deepStrictEqual([kept.deleted, kept.created, kept.changed], [[], [], []]);
  });

  it("lists inputs the facts do not classify, and types with no facts", async () => {
    const plan = await planChange(
      () => {
        new Bucket("b", { location: "EU", labels: { a: "b" } });
      },
      () => undefined,
    );
    assert.deepStrictEqual(unclassifiedInputs(plan.before), []);
    const graph = await synth(
      () => {
        new Widget("w", { size: 1 });
      },
      { preview: false },
    );
    assert.deepStrictEqual(
      unclassifiedInputs(graph).map((u) => [u.type, u.path]),
      [["acme:widgets/widget:Widget", "(no facts for this type)"]],
    );
  });
});

describe("creation order", () => {
  it("follows inputs, dependsOn, and components expanded to their descendants", async () => {
    const graph = await synth(
      () => {
        const group = new pulumi.ComponentResource("test:index:Group", "group");
        const ring = new KeyRing("ring", { location: "europe-west1" }, { parent: group });
        const key = new CryptoKey("key", { keyRing: ring.id }, { parent: group });
        new Bucket("after-key", { location: "EU", encryption: { defaultKmsKeyName: key.id } });
        new Bucket("after-group", { location: "EU" }, { dependsOn: [group] });
        new Bucket("alone", { location: "EU" });
      },
      { preview: false },
    );
    const urn = (name: string): string => graph.resources.find((r) => r.name === name)!.urn;
    const order = new CreationOrder(graph);
    assert.ok(order.waitsFor(urn("after-key"), urn("key")));
    assert.ok(order.waitsFor(urn("after-key"), urn("ring")), "through the key's own input");
    assert.ok(
      order.waitsFor(urn("after-group"), urn("key")),
      "a component dependency waits for its children",
    );
    assert.ok(!order.waitsFor(urn("alone"), urn("key")));
    assert.ok(!order.waitsFor(urn("key"), urn("after-key")));
  });
});
