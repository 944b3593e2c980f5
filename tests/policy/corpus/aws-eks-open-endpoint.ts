// Corpus: aws eks open endpoint.
import { CorpusEntry } from "../kit";
import { eksCluster } from "../aws-kit";

// EKS cluster with a public endpoint open to 0.0.0.0/0.
export const entry: CorpusEntry = {
  description: "EKS cluster with a public endpoint open to 0.0.0.0/0",
  expect: ["aws-eks-endpoint-restricted"],
  program: () => {
    eksCluster("main", { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] });
  },
};
