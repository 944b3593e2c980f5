// Corpus: bucket with public access prevention left at inherited.
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket with public access prevention left at inherited",
  expect: ["gcp-storage-public-access-prevention"],
  program: () => {
    bucket("assets", { publicAccessPrevention: "inherited" });
  },
};
