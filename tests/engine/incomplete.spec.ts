// What the offline engine cannot expand or decide is recorded in the graph, never dropped silently, and
// the program still runs on so the rest of it is registered and checked.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { GraphQuery, UNKNOWN, synth } from "../../engine";
import { loadPinnedInvokes } from "../../engine/pinned";

/** A component its provider builds (`remote: true`), as awsx, eks and Helm v4 charts are. */
class RemoteThing extends pulumi.ComponentResource {
  readonly endpoint!: pulumi.Output<string>;
  constructor(name: string) {
    super("acme:index:Thing", name, { size: 3, endpoint: undefined }, {}, true);
  }
}

class Widget extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, unknown>) {
    super("acme:index:Widget", name, props);
  }
}

/** Any custom resource by type token, as a provider SDK declares one. */
class Opaque extends pulumi.CustomResource {
  constructor(type: string, name: string, props: Record<string, unknown>) {
    super(type, name, props);
  }
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-incomplete-"));
  temps.push(dir);
  return dir;
}

describe("engine: incomplete items", function () {
  this.timeout(60_000);
  after(() => {
    for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  // The real engine sends a remote component to its provider's Construct, which registers the children.
  it("a remote component is registered as the component it is, childless, and recorded", async () => {
    const g = await synth(() => {
      new RemoteThing("edge");
    });
    const q = new GraphQuery(g);
    const thing = q.one("acme:index:Thing", "edge");
    assert.equal(thing.custom, false);
    assert.deepEqual(thing.inputs, { size: 3 });
    assert.deepEqual(q.children(thing.urn), []);
    assert.deepEqual(
      g.incomplete.map((i) => [i.kind, i.urn, i.type]),
      [["remote-component", thing.urn, "acme:index:Thing"]],
    );
  });

  // The real engine fails an invoke its provider cannot answer; offline, that is a question unasked.
  it("an invoke with no answer is recorded with its token, and the program gets {} and runs on", async () => {
    const g = await synth(async () => {
      const r = await pulumi.runtime.invoke("acme:index:getThing", { n: 1 });
      new Widget("after", { got: JSON.stringify(r) });
    });
    assert.equal(new GraphQuery(g).one("acme:index:Widget", "after").inputs.got, "{}");
    assert.deepEqual(g.incomplete, [
      {
        kind: "invoke",
        type: "acme:index:getThing",
        reason: "no offline answer for this invoke; pin one with --invokes FILE",
      },
    ]);
  });

  it("--invokes answers pin results, by token or by matching args; an unmatched query stays incomplete", async () => {
    const file = path.join(tempDir(), "invokes.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        "acme:index:getThing": { size: 7 },
        "acme:index:getPlan": [
          { args: { tier: "gold" }, result: { price: 10 } },
          { args: { tier: "tin" }, result: { price: 1 } },
        ],
      }),
    );
    const g = await synth(
      async () => ({
        thing: await pulumi.runtime.invoke("acme:index:getThing", {}),
        gold: await pulumi.runtime.invoke("acme:index:getPlan", { tier: "gold", region: "x" }),
        lead: await pulumi.runtime.invoke("acme:index:getPlan", { tier: "lead" }),
      }),
      { invokes: loadPinnedInvokes(file) },
    );
    assert.deepEqual(g.outputs, { thing: { size: 7 }, gold: { price: 10 }, lead: {} });
    assert.deepEqual(
      g.incomplete.map((i) => [i.kind, i.type]),
      [["invoke", "acme:index:getPlan"]],
    );
    assert.match(g.incomplete[0].reason, /no entry for these args in invokes\.json: \{"tier":"lead"\}/);
  });

  // The real engine reads another stack's outputs from the backend; offline they come from a file or not at all.
  it("a StackReference reads DIR/<stack>.json; without it the outputs are unknown in preview and it is recorded", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "prod.json"), JSON.stringify({ vpcId: "vpc-0abc" }));
    const program = (): Record<string, unknown> => ({
      vpcId: new pulumi.StackReference("acme/network/prod").getOutput("vpcId"),
    });
    const pinned = await synth(program, { stackOutputsDir: dir });
    assert.equal(pinned.outputs.vpcId, "vpc-0abc");
    assert.deepEqual(pinned.incomplete, []);
    const ref = new GraphQuery(pinned).one("pulumi:pulumi:StackReference", "acme/network/prod");
    assert.equal(ref.external, true);

    const bare = await synth(program);
    assert.equal(bare.outputs.vpcId, UNKNOWN);
    assert.deepEqual(
      bare.incomplete.map((i) => [i.kind, i.urn]),
      [["stack-reference", ref.urn]],
    );
    // Under --update the program still runs (outputs empty), and is still incomplete.
    const update = await synth(program, { preview: false });
    assert.equal(update.outputs.vpcId, undefined);
    assert.equal(update.incomplete.length, 1);
  });

  // The Kubernetes provider renders a v3 chart with Helm's library; offline only a helm binary can.
  it("a Helm v3 chart is rendered by helm on PATH, and is incomplete without one", async () => {
    const program = (): void => {
      new k8s.helm.v3.Chart("web", { chart: "nginx", fetchOpts: { repo: "https://charts.example" } });
    };
    const savedPath = process.env.PATH;
    try {
      process.env.PATH = tempDir();
      const without = await synth(program);
      assert.deepEqual(
        without.incomplete.map((i) => [i.kind, i.type, i.reason]),
        [["helm-template", "kubernetes:helm:template", "no `helm` binary on PATH to render the chart"]],
      );
      const bin = tempDir();
      const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata: {}\n";
      // A stand-in helm: prints one manifest, as `helm template` does.
      const script = `#!${process.execPath}\nprocess.stdout.write(${JSON.stringify(manifest)});\n`;
      fs.writeFileSync(path.join(bin, "helm"), script, { mode: 0o755 });
      process.env.PATH = bin;
      const rendered = await synth(program);
      assert.deepEqual(rendered.incomplete, []);
      assert.equal(
        new GraphQuery(rendered).one("kubernetes:core/v1:ConfigMap", "web-config").type,
        "kubernetes:core/v1:ConfigMap",
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });

  // The Kubernetes provider installs a v3 release with Helm at deploy time: a real preview's policies see the
  // Release alone, never the chart's objects. Offline that is a gap to name, never a pass.
  it("a Helm v3 release or a CloudFormation stack is kept as the resource it is, and recorded as opaque", async () => {
    const g = await synth(() => {
      new k8s.helm.v3.Release("ingress", {
        chart: "ingress-nginx",
        values: { controller: { replicaCount: 2 } },
      });
      new Opaque("aws:cloudformation/stack:Stack", "legacy", { templateBody: "{}" });
      new Widget("plain", { size: 1 });
    });
    const q = new GraphQuery(g);
    const release = q.one("kubernetes:helm.sh/v3:Release", "ingress");
    assert.deepEqual((release.inputs.values as Record<string, unknown>).controller, { replicaCount: 2 });
    const items = g.incomplete.map((i) => [i.kind, i.type, i.urn]).sort();
    assert.deepEqual(items, [
      [
        "opaque-resource",
        "aws:cloudformation/stack:Stack",
        q.one("aws:cloudformation/stack:Stack", "legacy").urn,
      ],
      ["opaque-resource", "kubernetes:helm.sh/v3:Release", release.urn],
    ]);
    const helm = g.incomplete.find((i) => i.type === "kubernetes:helm.sh/v3:Release");
    assert.match(helm?.reason ?? "", /none of its objects were checked/);
  });
});
