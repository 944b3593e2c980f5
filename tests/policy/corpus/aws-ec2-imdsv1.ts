// Corpus: aws ec2 imdsv1.
import { CorpusEntry } from "../kit";
import { instance } from "../aws-kit";

// An instance still answering IMDSv1 requests (tokens optional, the AWS default).
export const entry: CorpusEntry = {
  description: "EC2 instance without httpTokens required",
  expect: ["aws-ec2-imdsv2"],
  program: () => void instance("web", { metadataOptions: { httpTokens: "optional" } }),
};
