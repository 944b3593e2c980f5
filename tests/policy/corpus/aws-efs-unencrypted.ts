// Corpus: EFS file system stored unencrypted (EFS's default).
import { CorpusEntry } from "../kit";
import { fileSystem } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "EFS file system without encryption",
  expect: ["aws-efs-encrypted"],
  program: () => {
    fileSystem("shared", { encrypted: undefined, kmsKeyId: undefined });
  },
};
