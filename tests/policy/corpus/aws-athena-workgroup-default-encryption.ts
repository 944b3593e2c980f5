// Corpus: Athena workgroup whose results get only the output bucket's default encryption.
import { CorpusEntry } from "../kit";
import { workgroup } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "Athena workgroup without result encryption",
  expect: ["aws-athena-encrypted"],
  program: () => {
    workgroup("analytics", {
      configuration: { resultConfiguration: { outputLocation: "s3://athena-results/" } },
    });
  },
};
