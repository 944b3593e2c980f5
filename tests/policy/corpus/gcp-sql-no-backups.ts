// Corpus: Cloud SQL instance without backups or point-in-time recovery.
import { CorpusEntry } from "../kit";
import { sqlInstance } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "Cloud SQL instance without backups or point-in-time recovery",
  expect: ["gcp-sql-backups"],
  program: () => {
    sqlInstance("db", { backup: { enabled: false, pointInTimeRecoveryEnabled: false } });
  },
};
