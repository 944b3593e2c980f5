// Corpus: common region not allowed.
import { CorpusEntry, bucket } from "../kit";

// A bucket placed outside the regions the platform allows.
export const entry: CorpusEntry = {
  description: "bucket in us-east-1 when only EU regions are allowed",
  expect: ["allowed-regions"],
  config: { "allowed-regions": { allowedRegions: ["eu-west-1", "eu-central-1"] } },
  program: () => {
    bucket("archive", { args: { region: "us-east-1" } });
  },
};
