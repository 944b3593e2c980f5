// Corpus: bucket readable by allUsers through a BucketIAMMember.
import * as storage from "@pulumi/gcp/storage";
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket readable by allUsers through a BucketIAMMember",
  expect: ["gcp-storage-no-public-access"],
  program: () => {
    const b = bucket("site");
    new storage.BucketIAMMember("site-public", {
      bucket: b.name,
      role: "roles/storage.objectViewer",
      member: "allUsers",
    });
  },
};
