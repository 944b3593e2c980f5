// Corpus: aws rds public.
import { CorpusEntry, database } from "../kit";

// A database reachable from the internet.
export const entry: CorpusEntry = {
  description: "RDS instance publiclyAccessible",
  expect: ["aws-rds-not-public"],
  program: () => {
    database("orders", { publiclyAccessible: true });
  },
};
