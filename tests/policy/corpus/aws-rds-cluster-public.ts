// Corpus: aws rds cluster public.
import { auroraCluster } from "../aws-kit";
import { CorpusEntry } from "../kit";

// An Aurora cluster whose instance takes a public address: the instance rule covers cluster instances.
export const entry: CorpusEntry = {
  description: "Aurora cluster instance with publiclyAccessible true",
  expect: ["aws-rds-not-public"],
  program: () => void auroraCluster("orders", {}, { publiclyAccessible: true }),
};
