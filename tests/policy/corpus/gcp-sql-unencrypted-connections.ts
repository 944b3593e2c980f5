// Corpus: Cloud SQL instance accepting unencrypted connections.
import { CorpusEntry } from "../kit";
import { sqlInstance } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud SQL instance accepting unencrypted connections",
  expect: ["gcp-sql-ssl-required"],
  program: () => {
    sqlInstance("db", { ip: { sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } });
  },
};
