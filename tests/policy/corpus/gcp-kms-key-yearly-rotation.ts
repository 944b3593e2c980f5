// Corpus: crypto key rotating every 365 days (more than 90).
import { CorpusEntry } from "../kit";
import { cryptoKey } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "crypto key rotating every 365 days (more than 90)",
  expect: ["gcp-kms-key-rotation"],
  program: () => {
    cryptoKey("data", { rotationPeriod: "31536000s" });
  },
};
