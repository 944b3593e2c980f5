// Corpus: aws kms without rotation.
import { CorpusEntry, key } from "../kit";

// A key that never rotates.
export const entry: CorpusEntry = {
  description: "KMS key with rotation off",
  expect: ["aws-kms-key-rotation"],
  program: () => {
    key("app", { enableKeyRotation: false });
  },
};
