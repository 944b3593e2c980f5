// Corpus: firewall rule allowing SSH from 0.0.0.0/0.
import { CorpusEntry } from "../kit";
import { firewall, network } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "firewall rule allowing SSH from 0.0.0.0/0",
  expect: ["gcp-firewall-no-public-admin-ports"],
  program: () => {
    firewall("ssh", network("core"), { sourceRanges: ["0.0.0.0/0"] });
  },
};
