// Corpus: common prod unprotected key.
import { CorpusEntry, key } from "../kit";

// A prod key without `protect`, with the platform team making that blocking.
export const entry: CorpusEntry = {
  description: "unprotected KMS key in prod",
  expect: ["aws-stateful-protect-prod"],
  stack: "prod",
  config: { "aws-stateful-protect-prod": { enforcementLevel: "mandatory" } },
  program: () => {
    key("payments");
  },
};
