// Corpus: aws rds snapshot public.
import * as rds from "@pulumi/aws/rds";
import { CorpusEntry, TAGS, database } from "../kit";

// A manual snapshot any AWS account can restore: the whole database, copied out.
export const entry: CorpusEntry = {
  description: 'RDS snapshot with sharedAccounts ["all"]',
  expect: ["aws-rds-snapshot-not-public"],
  program: () => {
    const db = database("orders");
    new rds.Snapshot("orders-snap", {
      dbInstanceIdentifier: db.identifier,
      dbSnapshotIdentifier: "orders-2026-01",
      sharedAccounts: ["all"],
      tags: TAGS,
    });
  },
};
