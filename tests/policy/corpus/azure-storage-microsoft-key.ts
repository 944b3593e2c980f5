// Corpus: storage account under a Microsoft-managed key.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "storage account with keySource Microsoft.Storage",
  expect: ["azure-storage-customer-managed-key"],
  program: () => {
    storageAccount("data", {
      encryption: { requireInfrastructureEncryption: true, keySource: "Microsoft.Storage" },
    });
  },
};
