// Corpus: aws ebs volume unencrypted.
import * as ebs from "@pulumi/aws/ebs";
import { CorpusEntry, TAGS } from "../kit";

// A standalone data volume left unencrypted, and a snapshot of it.
export const entry: CorpusEntry = {
  description: "ebs.Volume without encryption, and its snapshot",
  expect: ["aws-ebs-volume-encrypted", "aws-ebs-snapshot-encrypted"],
  program: () => {
    const v = new ebs.Volume("data", { availabilityZone: "eu-west-1a", size: 50, tags: TAGS });
    new ebs.Snapshot("data-nightly", { volumeId: v.id, tags: TAGS });
  },
};
