// Corpus: common missing tags made mandatory.
import { CorpusEntry, bucket } from "../kit";

// Required tags missing, with the platform team raising the policy to mandatory in config.
export const entry: CorpusEntry = {
  description: "untagged bucket with aws-required-tags set to mandatory",
  expect: ["aws-required-tags"],
  config: { "aws-required-tags": "mandatory" },
  program: () => {
    bucket("untagged", { args: { tags: { team: "data" } } });
  },
};
