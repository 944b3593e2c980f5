// Corpus: container registry with the admin user on and anonymous pulls.
import { CorpusEntry } from "../kit";
import { registry } from "../azure-kit";

export const entry: CorpusEntry = {
  description: "ACR with adminUserEnabled and anonymousPullEnabled",
  expect: ["azure-acr-admin-user-disabled", "azure-acr-no-anonymous-pull"],
  program: () => {
    registry("images", { adminUserEnabled: true, anonymousPullEnabled: true });
  },
};
