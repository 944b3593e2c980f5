// Corpus: aws ec2 no detailed monitoring.
import { CorpusEntry } from "../kit";
import { instance } from "../aws-kit";

// Five-minute metrics only (advisory).
export const entry: CorpusEntry = {
  description: "EC2 instance without detailed monitoring",
  expect: ["aws-ec2-detailed-monitoring"],
  program: () => void instance("batch", { monitoring: false }),
};
