// Corpus: bucket IAM binding granting allAuthenticatedUsers.
import * as storage from "@pulumi/gcp/storage";
import { CorpusEntry } from "../kit";
import { bucket } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "bucket IAM binding granting allAuthenticatedUsers",
  expect: ["gcp-storage-no-public-access"],
  program: () => {
    const b = bucket("data");
    new storage.BucketIAMBinding("data-readers", {
      bucket: b.name,
      role: "roles/storage.objectViewer",
      members: ["group:readers@example.com", "allAuthenticatedUsers"],
    });
  },
};
