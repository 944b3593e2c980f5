// Corpus: aws ec2 launch template unencrypted.
import { CorpusEntry } from "../kit";
import { launchTemplate } from "../aws-kit";

// A launch template mapping an unencrypted data volume.
export const entry: CorpusEntry = {
  description: "LaunchTemplate with an unencrypted EBS mapping",
  expect: ["aws-ec2-ebs-encrypted"],
  program: () =>
    void launchTemplate("workers", {
      blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { encrypted: "true" } },
        { deviceName: "/dev/sdf", ebs: { encrypted: "false", volumeSize: 100 } },
      ],
    }),
};
