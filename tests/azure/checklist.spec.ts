// The README's Azure deploy checklist says what the code needs: the resource providers are the union of
// the provider facts' `apis` over every type the Azure stacks create, and the Network Watcher, Entra group
// and registry it names are the ones the stacks and components use.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { NETWORK_WATCHER_GROUP } from "../../components/azure/network";
import { resourceFacts } from "../../facts/resources";
import { platformGraph } from "../stacks/platform";

const README = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
const CHECKLIST =
  /<!-- azure checklist: begin -->([\s\S]*?)<!-- azure checklist: end -->/.exec(README)?.[1] ?? "";
const item = (n: number): string => CHECKLIST.split(/\n(?=\d+\. )/).find((i) => i.startsWith(`${n}. `)) ?? "";
const providersIn = (text: string): string[] =>
  [...text.matchAll(/`(Microsoft\.[A-Za-z]+)`/g)].map((m) => m[1]);

describe("README: the Azure deploy checklist", () => {
  it("lists exactly the resource providers the Azure stacks' resources need (facts/azure apis)", async () => {
    const needed = new Set<string>();
    for (const stack of ["azure-dev", "azure-prod"])
      for (const r of (await platformGraph(stack)).resources)
        if (r.custom && r.type.startsWith("azure-native:") && !r.type.startsWith("pulumi:"))
          for (const api of resourceFacts(r.type)?.apis ?? []) needed.add(api);
    const features = new Set<string>();
    for (const stack of ["azure-dev", "azure-prod"])
      for (const r of (await platformGraph(stack)).resources)
        for (const f of resourceFacts(r.type)?.features ?? []) features.add(f);
    const providers = [...needed];
    assert.deepStrictEqual([...new Set(providersIn(item(1)))].sort(), providers.sort());
    // Subscription features (encryption at host for AKS nodes) are named the way they are registered.
    assert.ok(features.size > 0, "the AKS nodes' EncryptionAtHost feature");
    for (const f of features) {
      const [namespace, name] = f.split("/");
      assert.ok(item(1).includes(`az feature register --namespace ${namespace} --name ${name}`), f);
    }
    assert.ok(providers.length >= 8, `only ${providers.length} providers`);
  });

  it("names the Network Watcher the flow log is a child of, and the config keys of the group and registry", async () => {
    assert.ok(CHECKLIST.includes(`NetworkWatcher_<location>`) && CHECKLIST.includes(NETWORK_WATCHER_GROUP));
    const graph = await platformGraph("azure-prod", true);
    const flowLog = graph.resources.find((r) => r.type === "azure-native:network:FlowLog");
    assert.ok(flowLog, "the stack has a flow log");
    assert.strictEqual(flowLog.inputs.resourceGroupName, NETWORK_WATCHER_GROUP);
    assert.strictEqual(flowLog.inputs.networkWatcherName, "NetworkWatcher_westeurope");
    assert.match(item(3), /groundwork-platform:database\.administratorGroup/);
    assert.match(item(4), /groundwork-platform:service\.registry/);
    const admin = graph.resources.find(
      (r) => r.type === "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra",
    );
    assert.strictEqual(admin?.inputs.principalType, "Group");
    assert.ok(
      graph.resources.some((r) => r.name === "api-grant-registry"),
      "the AcrPull grant the registry needs",
    );
  });
});
