// The day-2 matrix of azure.KubernetesCluster: the changes a platform team makes after the first deploy
// (a minor upgrade, pool bounds, a new VM size, another zone, the public-API weakening on and off, tags,
// dev → prod), each planned against the provider facts (facts/azure/resources.json). None replaces the
// cluster. A new VM size or zone set replaces the workload pool by design: its AKS name hashes what AKS
// fixes at a pool's creation, so the new pool is made first and the old one drained and deleted after.
//
// The cluster sits on a Network and an EncryptionKey whose types' facts are issue 20's (facts/azure): until
// a type has facts its inputs are not required to be classified here; every type that has them is held to
// the full check, so this suite tightens by itself as the facts file grows.
import * as assert from "assert";
import { EncryptionKey, KubernetesCluster, KubernetesClusterArgs, Network } from "../../components/azure";
import { AKS_KUBERNETES_VERSIONS } from "../../components/azure/kubernetes-cluster/kubeconfig";
import { planChange, serverDrift, unclassifiedInputs } from "../../engine/day2";
import { urnName } from "../../engine/graph";
import { Program } from "../../engine/synth";
import { resourceFacts } from "../../facts/resources";
import { Day2Case, describeChange, planProblems } from "./kit";

const AKS = "azure-native:containerservice:ManagedCluster";
const POOL = "azure-native:containerservice:AgentPool";
const LOC = { location: "westeurope" };

const cluster =
  (o: Partial<KubernetesClusterArgs> = {}) =>
  (): void => {
    const environment = o.environment;
    const network = new Network("core", { ...LOC, environment, addressSpace: "10.50.0.0/16" });
    const encryptionKey = new EncryptionKey("platform", { ...LOC, environment });
    void new KubernetesCluster("apps", { ...LOC, network, encryptionKey, ...o });
  };

/** Problems of the kit, less "unclassified" for the types that have no facts yet (see the file's head). */
function problems(plan: Awaited<ReturnType<typeof planChange>>, replaces?: Readonly<Record<string, string>>) {
  const factless = plan.changed.filter((c) => resourceFacts(c.type) === undefined).map(describeChange);
  return planProblems(plan, replaces).filter(
    (p) => !(p.startsWith("unclassified input change") && factless.some((d) => p.endsWith(d))),
  );
}

function aksSuite(title: string, base: Program, cases: readonly Day2Case[]): void {
  describe(`day 2: ${title}`, function () {
    this.timeout(120_000);
    it("a second up changes nothing; the cluster's inputs are classified; server-side changes are ignored", async () => {
      const plan = await planChange(base, base);
      // The key's first expiry is read from the clock, and ignored after creation: not a change.
      const live = plan.changed.filter((c) => c.inputs.some((i) => !i.ignored));
      assert.deepStrictEqual(live.map(describeChange), []);
      const unclassified = unclassifiedInputs(plan.before).filter((u) => resourceFacts(u.type) !== undefined);
      assert.deepStrictEqual(
        unclassified.map((u) => `${u.type} ${urnName(u.urn)}: ${u.path}`),
        [],
      );
      // The check works: the cluster's and pool's inputs are among those classified.
      for (const type of [AKS, POOL])
        assert.ok(
          plan.before.resources.some((r) => r.type === type),
          type,
        );
      const drift = serverDrift(plan.before);
      assert.deepStrictEqual(
        drift.map((d) => `${d.type} ${urnName(d.urn)}: ${d.path}`),
        [],
      );
    });
    for (const c of cases) {
      it(c.change, async () => {
        const plan = await planChange(c.before ?? base, c.after);
        const found = problems(plan, c.replaces);
        assert.ok(found.length === 0, `${c.change}:\n${found.join("\n")}`);
        assert.ok(plan.changed.length + plan.created.length + plan.deleted.length > 0, "nothing changed");
        assert.ok(
          !plan.changed.some((x) => x.type === AKS && x.action !== "update"),
          "the cluster is only ever updated",
        );
      });
    }
  });
}

const [older, newer] = AKS_KUBERNETES_VERSIONS.slice(-2);
const NEW_POOL =
  "a new pool under a new AKS name is created first, then the old one drained and deleted: AKS cannot resize or re-zone a pool";

aksSuite("azure.KubernetesCluster (dev)", cluster({ version: older }), [
  { change: `version ${older} → ${newer} (one minor, in place)`, after: cluster({ version: newer }) },
  { change: "workload pool bounds 1-3 → 2-6", after: cluster({ version: older, nodes: { min: 2, max: 6 } }) },
  {
    change: "workload pool VM size D2ds_v5 → D4ds_v5",
    after: cluster({ version: older, nodes: { vmSize: "Standard_D4ds_v5" } }),
    replaces: { "apps-nodes": NEW_POOL },
  },
  {
    change: "a zone added (regional → zone 1)",
    after: cluster({ version: older, zones: ["1"] }),
    replaces: { "apps-nodes": NEW_POOL },
  },
  {
    change: "the public API server for a CI range (the weakening on)",
    after: cluster({ version: older, authorizedIpRanges: ["203.0.113.0/24"] }),
  },
  {
    change: "the public API server off again (the weakening off)",
    before: cluster({ version: older, authorizedIpRanges: ["203.0.113.0/24"] }),
    after: cluster({ version: older }),
  },
  { change: "tags added", after: cluster({ version: older, tags: { team: "platform" } }) },
  {
    change: "administrator groups added",
    after: cluster({ version: older, administratorGroups: ["6f1c2a9e-0d3b-4c57-9a1e-2b8f4d7c0001"] }),
  },
  { change: "Defender on", after: cluster({ version: older, defender: true }) },
]);

aksSuite("azure.KubernetesCluster (prod)", cluster({ environment: "prod", version: older }), [
  {
    change: `version ${older} → ${newer} on a protected cluster`,
    after: cluster({ environment: "prod", version: newer }),
  },
  {
    change: "workload pool bounds 3-10 → 4-20",
    after: cluster({ environment: "prod", version: older, nodes: { min: 4, max: 20 } }),
  },
  {
    change: "workload pool VM size D4ds_v5 → D8ds_v5",
    after: cluster({ environment: "prod", version: older, nodes: { vmSize: "Standard_D8ds_v5" } }),
    replaces: { "apps-nodes": NEW_POOL },
  },
  {
    change: "tags added",
    after: cluster({ environment: "prod", version: older, tags: { "cost-center": "42" } }),
  },
]);
