// Corpus: firewall rule allowing every protocol with no source (Google applies 0.0.0.0/0).
import { CorpusEntry } from "../kit";
import { firewall, network } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "firewall rule allowing every protocol with no source (Google applies 0.0.0.0/0)",
  expect: ["gcp-firewall-no-public-admin-ports"],
  program: () => {
    firewall("any", network("core"), { allows: [{ protocol: "all" }], sourceRanges: [] });
  },
};
