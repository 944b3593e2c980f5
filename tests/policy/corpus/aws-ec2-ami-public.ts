// Corpus: aws ec2 ami public.
import * as ec2 from "@pulumi/aws/ec2";
import { CorpusEntry } from "../kit";

// An image every AWS account can launch, with whatever its disks hold.
export const entry: CorpusEntry = {
  description: "AMI launch permission for the group all",
  expect: ["aws-ec2-ami-not-public"],
  program: () =>
    void new ec2.AmiLaunchPermission("public", { imageId: "ami-0123456789abcdef0", group: "all" }),
};
