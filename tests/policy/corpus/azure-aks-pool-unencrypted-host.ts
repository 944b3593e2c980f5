// Corpus: azure aks pool unencrypted host.
import * as containerservice from "@pulumi/azure-native/containerservice";
import { CorpusEntry } from "../kit";
import { TAGS } from "../kit";

// A separately managed AKS pool whose temp disks and caches are not encrypted at host.
export const entry: CorpusEntry = {
  description: "AKS agent pool without encryption at host",
  expect: ["azure-aks-encryption-at-host"],
  program: () => {
    new containerservice.AgentPool("user", {
      resourceGroupName: "rg-corpus",
      resourceName: "aks",
      agentPoolName: "user",
      vmSize: "Standard_D4ds_v5",
      tags: TAGS,
    });
  },
};
