// Corpus: crypto key that never rotates.
import { CorpusEntry } from "../kit";
import { cryptoKey } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "crypto key that never rotates",
  expect: ["gcp-kms-key-rotation"],
  program: () => {
    cryptoKey("data", { rotationPeriod: undefined });
  },
};
