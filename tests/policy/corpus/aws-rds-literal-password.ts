// Corpus: aws rds literal password.
import { CorpusEntry, database } from "../kit";

// A master password written in the program (and so in the state).
export const entry: CorpusEntry = {
  description: "RDS instance with a literal password",
  expect: ["aws-rds-managed-password"],
  program: () => {
    database("billing", { manageMasterUserPassword: undefined, password: "correct-horse-battery" });
  },
};
