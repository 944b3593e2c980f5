// Corpus: VM with the interactive serial console enabled.
import { CorpusEntry } from "../kit";
import { vm } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "VM with the interactive serial console enabled",
  expect: ["gcp-compute-no-serial-port"],
  program: () => {
    vm("debug", { metadata: { "serial-port-enable": "TRUE" } });
  },
};
