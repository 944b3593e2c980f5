// Corpus: bucket without versioning.
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket without versioning",
  expect: ["gcp-storage-versioning"],
  program: () => {
    bucket("assets", { versioning: { enabled: false } });
  },
};
