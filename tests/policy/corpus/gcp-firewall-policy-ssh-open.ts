// Corpus: a network firewall policy rule opening SSH to the internet.
import * as compute from "@pulumi/gcp/compute";
import { CorpusEntry } from "../kit";

export const entry: CorpusEntry = {
  description: "network firewall policy rule allowing 22 from 0.0.0.0/0",
  expect: ["gcp-firewall-no-public-admin-ports"],
  program: () => {
    const policy = new compute.NetworkFirewallPolicy("edge", {});
    new compute.NetworkFirewallPolicyRule("edge-ssh", {
      firewallPolicy: policy.name,
      priority: 1000,
      direction: "INGRESS",
      action: "allow",
      enableLogging: true,
      match: { srcIpRanges: ["0.0.0.0/0"], layer4Configs: [{ ipProtocol: "tcp", ports: ["22"] }] },
    });
  },
};
