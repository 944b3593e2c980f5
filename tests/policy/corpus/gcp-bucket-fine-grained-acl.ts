// Corpus: bucket with fine-grained (ACL) access instead of uniform.
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket with fine-grained (ACL) access instead of uniform",
  expect: ["gcp-storage-uniform-access"],
  program: () => {
    bucket("assets", { uniformBucketLevelAccess: false });
  },
};
