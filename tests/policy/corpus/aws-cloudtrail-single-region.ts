// Corpus: aws cloudtrail single region.
import { CorpusEntry } from "../kit";
import { trail } from "../aws-kit";

// CloudTrail trail for one region only.
export const entry: CorpusEntry = {
  description: "CloudTrail trail for one region only",
  expect: ["aws-cloudtrail-multi-region"],
  program: () => {
    trail("audit", { isMultiRegionTrail: false });
  },
};
