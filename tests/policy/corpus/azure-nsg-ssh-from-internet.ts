// Corpus: azure nsg ssh from internet.
import { CorpusEntry } from "../kit";
import { securityGroup, securityRule } from "../azure-kit";

// NSG rule allowing SSH from the internet.
export const entry: CorpusEntry = {
  description: "NSG rule allowing SSH from the internet",
  expect: ["azure-nsg-no-admin-ports-from-internet"],
  program: () => {
    securityGroup("web", [
      securityRule({ name: "ssh", sourceAddressPrefix: "*", destinationPortRange: "22" }),
    ]);
  },
};
