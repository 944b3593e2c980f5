// Corpus: common weakened default.
import { CorpusEntry, TAGS, key } from "../kit";

// A key whose tags record a default weakened below the profile (what a Groundwork component writes).
export const entry: CorpusEntry = {
  description: "resource tagged groundwork-weakened",
  expect: ["groundwork-weakened-defaults"],
  program: () => {
    key("audit", { tags: { ...TAGS, "groundwork-weakened": "deletionWindowInDays" } });
  },
};
