// Corpus: EFS file system policy letting anyone mount and write.
import * as efs from "@pulumi/aws/efs";
import { CorpusEntry } from "../kit";
import { fileSystem } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "EFS file system policy granting * ClientMount and ClientWrite",
  expect: ["aws-efs-no-public-policy"],
  program: () => {
    const fs = fileSystem("shared");
    new efs.FileSystemPolicy("shared-policy", {
      fileSystemId: fs.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          },
        ],
      }),
    });
  },
};
