// Corpus: Cloud SQL instance with a public IP open to 0.0.0.0/0.
import { CorpusEntry } from "../kit";
import { sqlInstance } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud SQL instance with a public IP open to 0.0.0.0/0",
  expect: ["gcp-sql-no-public-ip", "gcp-sql-no-open-authorized-networks"],
  program: () => {
    sqlInstance("db", {
      ip: { ipv4Enabled: true, authorizedNetworks: [{ name: "anywhere", value: "0.0.0.0/0" }] },
    });
  },
};
