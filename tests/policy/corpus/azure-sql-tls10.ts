// Corpus: azure sql tls10.
import { CorpusEntry } from "../kit";
import { sqlServer } from "../azure-kit";

// Azure SQL server accepting TLS 1.0.
export const entry: CorpusEntry = {
  description: "Azure SQL server accepting TLS 1.0",
  expect: ["azure-sql-tls12"],
  program: () => {
    sqlServer("orders", { minimalTlsVersion: "1.0" });
  },
};
