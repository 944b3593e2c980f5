// Corpus: BigQuery dataset readable by everyone.
import * as bigquery from "@pulumi/gcp/bigquery";
import { CorpusEntry } from "../kit";
import { dataset } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "BigQuery dataset IAM member allUsers",
  expect: ["gcp-iam-no-public-access"],
  program: () => {
    const d = dataset("sales");
    new bigquery.DatasetIamMember("sales-public", {
      datasetId: d.datasetId,
      role: "roles/bigquery.dataViewer",
      member: "allUsers",
    });
  },
};
