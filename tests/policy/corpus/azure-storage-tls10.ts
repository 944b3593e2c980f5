// Corpus: azure storage tls10.
import { CorpusEntry } from "../kit";
import { storageAccount } from "../azure-kit";

// Storage account with the minimum TLS version left unset (TLS 1.0).
export const entry: CorpusEntry = {
  description: "storage account with the minimum TLS version left unset (TLS 1.0)",
  expect: ["azure-storage-tls12"],
  program: () => {
    storageAccount("data", { minimumTlsVersion: undefined });
  },
};
