// Corpus: VM without Shielded VM secure boot.
import { CorpusEntry } from "../kit";
import { vm } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "VM without Shielded VM secure boot",
  expect: ["gcp-compute-shielded-vm"],
  program: () => {
    vm("legacy", { shieldedInstanceConfig: undefined });
  },
};
