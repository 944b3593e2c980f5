// The offline engine must hand back what the real engine would receive: parent links, dependencies,
// property dependencies, engine-form URNs, unknowns in preview, secrets, and every resource option.
import { strict as assert } from "assert";
import { getCallerIdentity } from "@pulumi/aws/getCallerIdentity";
import * as kms from "@pulumi/aws/kms";
import * as awsProvider from "@pulumi/aws/provider";
import * as pulumi from "@pulumi/pulumi";
import awsPackage from "@pulumi/aws/package.json";
import {
  GraphQuery,
  GraphResource,
  ResourceGraph,
  UNKNOWN,
  isDefaultProvider,
  isSecret,
  isUnknown,
  reveal,
  synth,
} from "../../engine";

const STACK_URN = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";
const urn = (chain: string, name: string): string => `urn:pulumi:dev::shop::${chain}::${name}`;

class Thing extends pulumi.CustomResource {
  declare readonly size: pulumi.Output<number>;
  constructor(
    name: string,
    props: Record<string, pulumi.Input<unknown>>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super("test:index:Thing", name, { size: undefined, ...props }, opts);
  }
}

class TestProvider extends pulumi.ProviderResource {
  constructor(name: string, props: Record<string, pulumi.Input<unknown>>) {
    super("test", name, props);
  }
}

class Inner extends pulumi.ComponentResource {
  readonly leaf: Thing;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Inner", name, {}, opts);
    this.leaf = new Thing(`${name}-leaf`, { size: 1 }, { parent: this });
    this.registerOutputs({ leafId: this.leaf.id });
  }
}

interface StoreArgs {
  readonly password: pulumi.Input<string>;
  readonly provider?: pulumi.ProviderResource;
  readonly after?: pulumi.Resource;
}

/** A component with two children (one depending on the other's id) and a nested component. */
class Store extends pulumi.ComponentResource {
  readonly data: Thing;
  readonly index: Thing;
  readonly inner: Inner;
  constructor(name: string, args: StoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Store", name, {}, opts);
    this.data = new Thing(
      `${name}-data`,
      { size: 10, password: args.password },
      { parent: this, protect: true, retainOnDelete: true, provider: args.provider },
    );
    this.index = new Thing(
      `${name}-index`,
      { dataId: this.data.id, label: "idx" },
      {
        parent: this,
        dependsOn: args.after ? [args.after] : [],
        aliases: [{ name: `${name}-old-index` }, { type: "test:index:OldThing" }],
      },
    );
    this.inner = new Inner(`${name}-inner`, { parent: this });
    this.registerOutputs({ dataId: this.data.id });
  }
}

function shopProgram(): Record<string, unknown> {
  const provider = new TestProvider("eu", { region: "eu-west-1" });
  const first = new Thing("first", { size: 1 });
  const store = new Store("orders", { password: pulumi.secret("hunter2"), provider, after: first });
  return { dataId: store.data.id, indexUrn: store.index.urn };
}

/** The two resources of the orders store most specs look at, and a query over their graph. */
function orders(g: ResourceGraph): { q: GraphQuery; data: GraphResource; index: GraphResource } {
  const q = new GraphQuery(g);
  return {
    q,
    data: q.one("test:index:Thing", "orders-data"),
    index: q.one("test:index:Thing", "orders-index"),
  };
}

describe("engine/synth: the resource graph", () => {
  let preview: ResourceGraph;
  let update: ResourceGraph;
  before(async () => {
    preview = await synth(shopProgram, { project: "shop", stack: "dev", preview: true });
    update = await synth(shopProgram, { project: "shop", stack: "dev", preview: false });
  });

  it("registers the root stack first, then exactly the program's resources", () => {
    for (const g of [preview, update]) {
      assert.equal(g.resources[0].urn, STACK_URN);
      assert.equal(g.resources[0].parent, undefined);
      assert.deepEqual(new GraphQuery(g).inventory(), [
        "pulumi:providers:test::eu",
        "test:index:Inner::orders-inner",
        "test:index:Store::orders",
        "test:index:Thing::first",
        "test:index:Thing::orders-data",
        "test:index:Thing::orders-index",
        "test:index:Thing::orders-inner-leaf",
      ]);
      assert.equal(g.project, "shop");
      assert.equal(g.stack, "dev");
    }
    assert.equal(preview.preview, true);
    assert.equal(update.preview, false);
  });

  it("builds engine-form URNs: the parents' types joined by $, the stack excluded", () => {
    const q = new GraphQuery(preview);
    assert.equal(q.one("test:index:Store", "orders").urn, urn("test:index:Store", "orders"));
    assert.equal(q.one("test:index:Thing", "first").urn, urn("test:index:Thing", "first"));
    assert.equal(
      q.one("test:index:Thing", "orders-data").urn,
      urn("test:index:Store$test:index:Thing", "orders-data"),
    );
    // A grandchild carries both ancestors' types.
    assert.equal(
      q.one("test:index:Thing", "orders-inner-leaf").urn,
      urn("test:index:Store$test:index:Inner$test:index:Thing", "orders-inner-leaf"),
    );
    assert.equal(q.one("pulumi:providers:test", "eu").urn, urn("pulumi:providers:test", "eu"));
  });

  it("links parents: top-level resources to the stack, children to their component", () => {
    const q = new GraphQuery(preview);
    const store = q.one("test:index:Store", "orders");
    assert.equal(store.parent, STACK_URN);
    assert.equal(q.one("test:index:Thing", "first").parent, STACK_URN);
    assert.deepEqual(
      q
        .children(store.urn)
        .map((r) => r.name)
        .sort(),
      ["orders-data", "orders-index", "orders-inner"],
    );
    assert.equal(
      q.one("test:index:Thing", "orders-inner-leaf").parent,
      q.one("test:index:Inner", "orders-inner").urn,
    );
    assert.equal(q.descendants(store.urn).length, 4);
    assert.equal(store.custom, false);
    assert.equal(q.one("test:index:Thing", "orders-data").custom, true);
  });

  it("records dependencies and property dependencies as the engine receives them", () => {
    for (const g of [preview, update]) {
      const { q, data, index } = orders(g);
      const first = q.one("test:index:Thing", "first");
      assert.deepEqual([...index.dependencies].sort(), [data.urn, first.urn].sort());
      assert.deepEqual(index.propertyDependencies.dataId, [data.urn]);
      assert.deepEqual(index.propertyDependencies.label, []);
      assert.deepEqual(data.dependencies, []);
    }
  });

  it("in preview, an input from another resource's id is unknown; in update, it is the fabricated id", () => {
    const p = new GraphQuery(preview);
    assert.equal(p.one("test:index:Thing", "orders-index").inputs.dataId, UNKNOWN);
    assert.ok(isUnknown(p.one("test:index:Thing", "orders-data").id));
    assert.equal(preview.outputs.dataId, UNKNOWN);

    const u = new GraphQuery(update);
    const data = u.one("test:index:Thing", "orders-data");
    assert.equal(typeof data.id, "string");
    assert.ok(!isUnknown(data.id));
    assert.notEqual(data.id, "");
    assert.equal(u.one("test:index:Thing", "orders-index").inputs.dataId, data.id);
    assert.equal(update.outputs.dataId, data.id);
    assert.equal(update.outputs.indexUrn, u.one("test:index:Thing", "orders-index").urn);
    // Known inputs are known in both modes.
    assert.equal(p.one("test:index:Thing", "orders-data").inputs.size, 10);
  });

  it("marks secrets secret on the wire, and reveal() unwraps them", () => {
    const data = new GraphQuery(preview).one("test:index:Thing", "orders-data");
    assert.ok(isSecret(data.inputs.password));
    assert.equal(reveal<{ password: string }>(data.inputs).password, "hunter2");
    assert.ok(!isSecret(data.inputs.size));
  });

  it("keeps protect, retainOnDelete and explicit provider references", () => {
    for (const g of [preview, update]) {
      const { q, data, index } = orders(g);
      const provider = q.one("pulumi:providers:test", "eu");
      assert.equal(data.protect, true);
      assert.equal(data.retainOnDelete, true);
      assert.equal(index.protect, false);
      assert.equal(index.retainOnDelete, false);
      assert.equal(data.provider, `${provider.urn}::${provider.id}`);
      // No explicit provider: the engine's default provider for the package (no version given here).
      const fallback = q.one("pulumi:providers:test", "default");
      assert.equal(index.provider, `urn:pulumi:dev::shop::pulumi:providers:test::default::${fallback.id}`);
      assert.deepEqual(provider.inputs, { region: "eu-west-1" });
    }
    assert.ok(isUnknown(new GraphQuery(preview).one("pulumi:providers:test", "eu").id));
  });

  it("resolves alias specs to the URNs the engine would compute", () => {
    const index = new GraphQuery(preview).one("test:index:Thing", "orders-index");
    assert.deepEqual([...index.aliases].sort(), [
      urn("test:index:Store$test:index:OldThing", "orders-index"),
      urn("test:index:Store$test:index:Thing", "orders-old-index"),
    ]);
  });
});

describe("engine/synth: aliases", () => {
  class Holder extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
      super("test:index:Holder", name, {}, opts);
      this.registerOutputs({});
    }
  }

  it("a { parent } alias takes the old parent's type chain; parent: undefined drops it; a URN passes through", async () => {
    const g = await synth(
      () => {
        const oldHome = new Holder("old-home");
        const newHome = new Holder("new-home");
        new Thing(
          "moved",
          {},
          {
            parent: newHome,
            aliases: [
              { parent: oldHome },
              { parent: undefined },
              "urn:pulumi:dev::shop::test:index:Thing::legacy",
            ],
          },
        );
      },
      { project: "shop" },
    );
    const moved = new GraphQuery(g).one("test:index:Thing", "moved");
    assert.equal(moved.urn, urn("test:index:Holder$test:index:Thing", "moved"));
    assert.deepEqual(
      [...moved.aliases].sort(),
      [
        urn("test:index:Holder$test:index:Thing", "moved"), // under old-home: same type chain, same name
        urn("test:index:Thing", "legacy"),
        urn("test:index:Thing", "moved"),
      ].sort(),
    );
  });

  it("a { parent } alias to a component of another type uses that type", async () => {
    class Vault extends pulumi.ComponentResource {
      constructor(name: string) {
        super("test:index:Vault", name, {});
        this.registerOutputs({});
      }
    }
    const g = await synth(
      () => {
        const vault = new Vault("v");
        const holder = new Holder("h");
        new Thing(
          "k",
          {},
          { parent: holder, aliases: [{ parent: vault }, { name: "old", stack: "other", project: "p2" }] },
        );
      },
      { project: "shop" },
    );
    assert.deepEqual(
      [...new GraphQuery(g).one("test:index:Thing", "k").aliases].sort(),
      [
        "urn:pulumi:other::p2::test:index:Holder$test:index:Thing::old",
        urn("test:index:Vault$test:index:Thing", "k"),
      ].sort(),
    );
  });

  it("a renamed component's children inherit aliases under its old URN, as the engine derives them", async () => {
    const g = await synth(
      () => {
        const holder = new Holder("payments", { aliases: [{ name: "billing" }] });
        new Thing("payments-queue", {}, { parent: holder });
        new Thing("audit", {}, { parent: holder });
      },
      { project: "shop" },
    );
    const q = new GraphQuery(g);
    assert.deepEqual(q.one("test:index:Holder", "payments").aliases, [urn("test:index:Holder", "billing")]);
    assert.deepEqual(q.one("test:index:Thing", "payments-queue").aliases, [
      urn("test:index:Holder$test:index:Thing", "billing-queue"),
    ]);
    assert.deepEqual(q.one("test:index:Thing", "audit").aliases, [
      urn("test:index:Holder$test:index:Thing", "audit"),
    ]);
  });
});

describe("engine/synth: engine behaviours", () => {
  it("refuses two resources with the same URN, as the engine does", async () => {
    await assert.rejects(
      synth(() => {
        new Thing("twin", {});
        new Thing("twin", {});
      }),
      /Duplicate resource URN 'urn:pulumi:dev::project::test:index:Thing::twin'/,
    );
  });

  it("refuses a read of a URN already taken, as the engine's GenerateReadSteps does", async () => {
    // pkg/resource/deploy/step_generator.go: reads go through generateURN like registrations.
    await assert.rejects(
      synth(() => {
        new Thing("twin", {});
        new Thing("twin", {}, { id: "thing-1" });
      }),
      /Duplicate resource URN 'urn:pulumi:dev::project::test:index:Thing::twin'/,
    );
  });

  it("records a resource read with .get() as external, with the id asked for", async () => {
    const g = await synth(() => {
      new Thing("existing", {}, { id: "thing-1234" });
    });
    const existing = new GraphQuery(g).one("test:index:Thing", "existing");
    assert.equal(existing.external, true);
    assert.equal(existing.id, "thing-1234");
  });

  it("update mode: a newResource hook supplies ids and outputs for custom resources", async () => {
    const g = await synth(
      () => {
        const t = new Thing("sized", { size: 1 });
        return { size: t.size, id: t.id };
      },
      { preview: false, newResource: ({ name }) => ({ id: `${name}-fixed`, state: { size: 99 } }) },
    );
    assert.deepEqual(g.outputs, { size: 99, id: "sized-fixed" });
  });

  it("keeps what components register as outputs", async () => {
    const g = await synth(() => new Inner("solo"), { preview: false });
    const q = new GraphQuery(g);
    assert.equal(q.one("test:index:Inner", "solo").outputs.leafId, q.one("test:index:Thing", "solo-leaf").id);
  });

  it("collects the program's log messages, with the resource they were logged against", async () => {
    const g = await synth(() => {
      const t = new Thing("noisy", {});
      pulumi.log.warn("careful now", t);
    });
    const warning = g.logs.find((l) => l.message === "careful now");
    assert.equal(warning?.severity, "warning");
    assert.equal(warning?.urn, "urn:pulumi:dev::project::test:index:Thing::noisy");
  });
});

describe("engine/synth: default providers, as the engine attaches them", () => {
  it("registers one default_<version> provider per package, with the package's config, and points resources at it", async () => {
    for (const preview of [true, false]) {
      const g = await synth(
        () => {
          new kms.Key("a", {});
          new kms.Key("b", {});
          new Thing("t", {});
        },
        {
          project: "p",
          config: { "aws:region": "eu-central-1", "aws:profile": "ops", "other:x": "y" },
          preview,
        },
      );
      const providers = g.resources.filter((r) => r.type === "pulumi:providers:aws");
      assert.equal(providers.length, 1, "one per package and version");
      const [aws] = providers;
      const version = (aws.inputs as { version: string }).version;
      assert.match(version, /^\d+\.\d+\.\d+/);
      assert.equal(
        aws.urn,
        `urn:pulumi:dev::p::pulumi:providers:aws::default_${version.replace(/\./g, "_")}`,
      );
      assert.equal(aws.parent, undefined);
      assert.ok(isDefaultProvider(aws));
      assert.deepEqual(aws.inputs, { region: "eu-central-1", profile: "ops", version });
      // The engine knows a default provider's id even in preview.
      assert.match(String(aws.id), /^[0-9a-f]{8}-0000-4000-8000-provider$/);
      const q = new GraphQuery(g);
      for (const name of ["a", "b"])
        assert.equal(q.one("aws:kms/key:Key", name).provider, `${aws.urn}::${aws.id}`);
      assert.equal(
        q.one("test:index:Thing", "t").provider,
        `${q.one("pulumi:providers:test", "default").urn}::${q.one("pulumi:providers:test", "default").id}`,
      );
      // Registered before the first resource that uses it.
      const order = g.resources.map((r) => r.urn);
      assert.ok(order.indexOf(aws.urn) < order.indexOf(q.one("aws:kms/key:Key", "a").urn));
    }
  });

  it("an invoke without a provider goes through the default provider, which it registers if needed", async () => {
    let seen: unknown;
    const g = await synth(
      async () => {
        await getCallerIdentity({});
      },
      {
        config: { "aws:region": "sa-east-1" },
        invokes: {
          "aws:index/getCallerIdentity:getCallerIdentity": ({ providerInputs }) => {
            seen = providerInputs;
            return { accountId: "1", arn: "arn", id: "1", userId: "u" };
          },
        },
      },
    );
    assert.equal((seen as { region?: string } | undefined)?.region, "sa-east-1");
    assert.equal(g.resources.filter((r) => r.type === "pulumi:providers:aws").length, 1);
  });

  it("a provider the program registers or reads under a default provider's URN fails, before or after it", async () => {
    // The engine registers its default provider through the same step generator: whoever comes second is a
    // duplicate URN and the update fails. Offline, the program's provider used to stand in for the default.
    const version = awsPackage.version;
    const name = `default_${version.replace(/[.+-]/g, "_")}`;
    const takeUrn = (): void => {
      new (class extends pulumi.CustomResource {})(
        "pulumi:providers:aws",
        name,
        { region: "us-east-1" },
        { id: "x" },
      );
    };
    for (const program of [
      () => {
        new kms.Key("k", {});
        takeUrn();
      },
      () => {
        takeUrn();
        new kms.Key("k", {});
      },
      () => {
        new awsProvider.Provider(name, { region: "us-east-1" });
        new kms.Key("k", {});
      },
    ])
      await assert.rejects(
        synth(program, { config: { "aws:region": "eu-west-1" } }),
        new RegExp(`Duplicate resource URN 'urn:pulumi:dev::project::pulumi:providers:aws::${name}'`),
      );
  });

  it("an explicit provider gets no default provider beside it", async () => {
    const g = await synth(() => {
      const eu = new awsProvider.Provider("eu", { region: "eu-west-1" });
      new kms.Key("k", {}, { provider: eu });
    });
    assert.deepEqual(
      g.resources.filter((r) => r.type === "pulumi:providers:aws").map((r) => r.name),
      ["eu"],
    );
  });
});
