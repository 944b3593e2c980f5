// Corpus: aws rds maintenance off.
import { CorpusEntry, database } from "../kit";

// Minor-version security fixes turned off, and snapshots that lose the instance's tags.
export const entry: CorpusEntry = {
  description: "RDS instance with autoMinorVersionUpgrade and copyTagsToSnapshot false",
  expect: ["aws-rds-auto-minor-version-upgrade", "aws-rds-copy-tags-to-snapshot"],
  program: () => void database("orders", { autoMinorVersionUpgrade: false, copyTagsToSnapshot: false }),
};
