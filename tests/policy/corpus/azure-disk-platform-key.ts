// Corpus: managed disk under a platform-managed key.
import * as compute from "@pulumi/azure-native/compute";
import { CorpusEntry, TAGS } from "../kit";
import { LOCATION, RG } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "managed disk without a disk encryption set",
  expect: ["azure-disk-customer-managed-key"],
  program: () => {
    new compute.Disk("data", {
      resourceGroupName: RG,
      location: LOCATION,
      creationData: { createOption: "Empty" },
      diskSizeGB: 64,
      tags: TAGS,
    });
  },
};
