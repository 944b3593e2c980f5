// Corpus: PostgreSQL flexible server under a Microsoft-managed key.
import { CorpusEntry } from "../kit";
import { postgresServer } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "PostgreSQL flexible server without dataEncryption",
  expect: ["azure-postgres-customer-managed-key"],
  program: () => {
    postgresServer("orders", { dataEncryption: undefined });
  },
};
