// Corpus: azure postgres public.
import { CorpusEntry } from "../kit";
import { postgresServer } from "../azure-kit";

// PostgreSQL flexible server with public network access.
export const entry: CorpusEntry = {
  description: "PostgreSQL flexible server with public network access",
  expect: ["azure-postgres-no-public-access"],
  program: () => {
    postgresServer("orders", { network: { publicNetworkAccess: "Enabled" } });
  },
};
