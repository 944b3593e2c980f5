// Corpus: azure aks no upgrades.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster on no upgrade channel, its node OS unmanaged: patches reach it only by hand.
export const entry: CorpusEntry = {
  description: "AKS cluster with no auto-upgrade channels",
  expect: ["azure-aks-auto-upgrade"],
  program: () => {
    aksCluster("main", { autoUpgradeProfile: { upgradeChannel: "none", nodeOSUpgradeChannel: "Unmanaged" } });
  },
};
