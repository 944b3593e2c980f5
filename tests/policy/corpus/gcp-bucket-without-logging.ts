// Corpus: bucket that logs access nowhere.
import { CorpusEntry } from "../kit";
import { plainBucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket that logs access nowhere",
  expect: ["gcp-storage-access-logging"],
  program: () => {
    plainBucket("assets");
  },
};
