// The Worker and CronJob examples compile (they are part of the build) and synthesize to the expected
// child set, every object valid against the OpenAPI schema.
import * as assert from "assert";
import * as path from "path";
import { GraphQuery, synth } from "../../testing";
import { T, kube, kubeResources, namespaceChildren, validateKube } from "./helpers";

const example = (name: string): string => path.join(__dirname, "../../examples", name);

describe("examples/kubernetes-worker-* and kubernetes-cronjob-*", () => {
  it("kubernetes-worker-simple: a namespace and a worker probed on its port, dev-sized", async () => {
    const graph = await synth(example("kubernetes-worker-simple"));
    const q = new GraphQuery(graph);
    assert.deepStrictEqual(
      q.inventory(),
      [
        "groundwork:kubernetes:Namespace::jobs",
        ...namespaceChildren("jobs"),
        "groundwork:kubernetes:Worker::consumer",
        `${T.serviceAccount}::consumer-service-account`,
        `${T.deployment}::consumer-deployment`,
        `${T.pdb}::consumer-pdb`,
        `${T.hpa}::consumer-hpa`,
      ].sort(),
    );
    const main = kube(q.one(T.deployment, "consumer-deployment")).spec.template.spec.containers[0];
    assert.deepStrictEqual(main.readinessProbe.httpGet, { path: "/readyz", port: 8081 });
    for (const r of kubeResources(graph)) validateKube(kube(r));
  });

  it("kubernetes-worker-complete: scales on lag, reaches the API (which admits it), brokers and the internet", async () => {
    const graph = await synth(example("kubernetes-worker-complete"), { stack: "prod" });
    const q = new GraphQuery(graph);
    const egress = kube(q.one(T.networkPolicy, "settlement-egress")).spec.egress;
    assert.strictEqual(egress.length, 3);
    assert.ok(q.one(T.networkPolicy, "payments-api-from-settlement"));
    assert.strictEqual(kube(q.one(T.hpa, "settlement-hpa")).spec.metrics[0].type, "External");
    assert.deepStrictEqual(graph.outputs.weakened, ["egressInternet"]);
    for (const r of kubeResources(graph)) validateKube(kube(r));
  });

  it("kubernetes-cronjob-simple and -complete: bounded runs in the team's zone", async () => {
    const simple = new GraphQuery(await synth(example("kubernetes-cronjob-simple")));
    assert.strictEqual(kube(simple.one(T.cronJob, "nightly-report-cronjob")).spec.timeZone, "Etc/UTC");
    const graph = await synth(example("kubernetes-cronjob-complete"), { stack: "prod" });
    const spec = kube(new GraphQuery(graph).one(T.cronJob, "ledger-export-cronjob")).spec;
    assert.deepStrictEqual(
      [spec.schedule, spec.timeZone, spec.concurrencyPolicy, spec.jobTemplate.spec.activeDeadlineSeconds],
      ["15 6 * * MON-FRI", "Europe/Paris", "Replace", 1800],
    );
    for (const r of kubeResources(graph)) validateKube(kube(r));
  });
});
