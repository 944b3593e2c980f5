// Corpus: subnet without flow logs or Private Google Access.
import { CorpusEntry } from "../kit";
import { network, subnetwork } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "subnet without flow logs or Private Google Access",
  expect: ["gcp-subnet-flow-logs", "gcp-subnet-private-google-access"],
  program: () => {
    subnetwork("app", network("core"), { logConfig: undefined, privateIpGoogleAccess: false });
  },
};
