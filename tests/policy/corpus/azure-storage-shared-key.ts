// Corpus: azure storage shared key.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

// Storage account accepting account keys and SAS.
export const entry: CorpusEntry = {
  description: "storage account accepting account keys and SAS",
  expect: ["azure-storage-no-shared-key"],
  program: () => {
    storageAccount("data", { allowSharedKeyAccess: true });
  },
};
