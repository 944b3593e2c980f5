// Corpus: azure aks node public ip.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster whose system pool gives every node a public IP.
export const entry: CorpusEntry = {
  description: "AKS cluster with node public IPs",
  expect: ["azure-aks-node-public-ip"],
  program: () => {
    aksCluster("main", {
      agentPoolProfiles: [
        {
          name: "system",
          mode: "System",
          count: 2,
          vmSize: "Standard_D4ds_v5",
          enableEncryptionAtHost: true,
          enableNodePublicIP: true,
        },
      ],
    });
  },
};
