// Corpus: VM running as the default service account with the cloud-platform scope.
import { CorpusEntry } from "../kit";
import { vm } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "VM running as the default service account with the cloud-platform scope",
  expect: ["gcp-compute-no-default-sa-full-access", "gcp-compute-no-default-service-account"],
  program: () => {
    vm("worker", { serviceAccount: { scopes: ["cloud-platform"] } });
  },
};
