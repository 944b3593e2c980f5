// Corpus: common waiver without reason.
import { CorpusEntry, bucket } from "../kit";

// A waiver nobody justified.
export const entry: CorpusEntry = {
  description: "waiver without a reason",
  expect: ["aws-s3-tls-only", "groundwork-waivers"],
  config: {
    "aws-s3-tls-only": { waivers: [{ urn: "*::legacy", owner: "data", expires: "2099-01-01" }] },
  },
  program: () => {
    bucket("legacy", { tlsPolicy: false });
  },
};
