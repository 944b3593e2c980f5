// Corpus: azure sql public.
import { CorpusEntry } from "../kit";
import { sqlServer } from "../azure-kit";

// Azure SQL server with public network access.
export const entry: CorpusEntry = {
  description: "Azure SQL server with public network access",
  expect: ["azure-sql-no-public-access"],
  program: () => {
    sqlServer("orders", { publicNetworkAccess: "Enabled" });
  },
};
