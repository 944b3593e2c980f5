// Corpus: azure storage public blobs.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

// Storage account allowing anonymous blob access.
export const entry: CorpusEntry = {
  description: "storage account allowing anonymous blob access",
  expect: ["azure-storage-no-public-blob-access"],
  program: () => {
    storageAccount("site", { allowBlobPublicAccess: true });
  },
};
