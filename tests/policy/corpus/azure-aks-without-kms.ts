// Corpus: azure aks without kms.
import { CorpusEntry } from "../kit";
import { aksCluster } from "../azure-kit";

// AKS cluster whose Secrets are encrypted under a platform key only (no KMS).
export const entry: CorpusEntry = {
  description: "AKS cluster without KMS encryption of Secrets",
  expect: ["azure-aks-secrets-kms"],
  program: () => {
    aksCluster("main", { securityProfile: { workloadIdentity: { enabled: true } } });
  },
};
