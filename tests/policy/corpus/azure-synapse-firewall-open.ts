// Corpus: Synapse workspace firewall rule open to the whole internet.
import * as synapse from "@pulumi/azure-native/synapse";
import { CorpusEntry } from "../kit";
import { RG } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "Synapse firewall rule 0.0.0.0-255.255.255.255",
  expect: ["azure-database-firewall-not-open"],
  program: () => {
    new synapse.IpFirewallRule("allow-all", {
      resourceGroupName: RG,
      workspaceName: "ws-corpus",
      ruleName: "allowAll",
      startIpAddress: "0.0.0.0",
      endIpAddress: "255.255.255.255",
    });
  },
};
