// Corpus: azure storage http allowed.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

// Storage account accepting plain HTTP.
export const entry: CorpusEntry = {
  description: "storage account accepting plain HTTP",
  expect: ["azure-storage-https-only"],
  program: () => {
    storageAccount("data", { enableHttpsTrafficOnly: false });
  },
};
