// Corpus: azure vm password auth.
import { CorpusEntry } from "../kit";
import { linuxVm } from "../azure-kit";

// Linux VM with password authentication.
export const entry: CorpusEntry = {
  description: "Linux VM with password authentication",
  expect: ["azure-vm-ssh-keys-only"],
  program: () => {
    linuxVm("bastion", { disablePasswordAuthentication: false });
  },
};
