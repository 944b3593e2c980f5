// Corpus: a dataset, a topic, a repository and a disk under Google-managed keys.
import { CorpusEntry } from "../kit";
import { dataset, disk, repository, topic } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "BigQuery dataset, Pub/Sub topic, Artifact Registry repository and disk without CMEK",
  expect: ["gcp-bigquery-cmek", "gcp-pubsub-cmek", "gcp-artifactregistry-cmek", "gcp-compute-disk-cmek"],
  program: () => {
    dataset("sales", { defaultEncryptionConfiguration: undefined });
    topic("events", { kmsKeyName: undefined });
    repository("images", { kmsKeyName: undefined });
    disk("data", { diskEncryptionKey: undefined });
  },
};
