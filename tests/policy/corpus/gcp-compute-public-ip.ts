// Corpus: VM with an ephemeral external IP.
import { CorpusEntry } from "../kit";
import { vm } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "VM with an ephemeral external IP",
  expect: ["gcp-compute-no-public-ip"],
  program: () => {
    vm("bastion", {
      networkInterfaces: [
        { subnetwork: "projects/acme/regions/europe-west1/subnetworks/public", accessConfigs: [{}] },
      ],
    });
  },
};
