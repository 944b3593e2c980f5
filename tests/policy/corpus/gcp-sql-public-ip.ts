// Corpus: Cloud SQL instance with a public IPv4 address.
import { CorpusEntry } from "../kit";
import { sqlInstance } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud SQL instance with a public IPv4 address",
  expect: ["gcp-sql-no-public-ip"],
  program: () => {
    sqlInstance("db", { ip: { ipv4Enabled: true } });
  },
};
