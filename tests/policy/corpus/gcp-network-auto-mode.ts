// Corpus: auto-mode VPC network (the provider default).
import * as compute from "@pulumi/gcp/compute";
import { CorpusEntry } from "../kit";

export const entry: CorpusEntry = {
  description: "auto-mode VPC network (the provider default)",
  expect: ["gcp-network-custom-mode"],
  program: () => {
    new compute.Network("legacy", {});
  },
};
