// Corpus: azure storage network allow.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

// Storage account with public access and the SDK's default Allow rule set.
export const entry: CorpusEntry = {
  description: "storage account with public access and the SDK's default Allow rule set",
  expect: ["azure-storage-network-deny"],
  program: () => {
    storageAccount("data", { publicNetworkAccess: "Enabled", networkRuleSet: undefined });
  },
};
