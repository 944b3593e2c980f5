// Corpus: GKE cluster issuing a client certificate.
import { CorpusEntry } from "../kit";
import { gkeCluster } from "../gcp-kit";

export const entry: CorpusEntry = {
  description: "GKE cluster issuing a client certificate",
  expect: ["gcp-gke-no-client-certificate"],
  program: () => {
    gkeCluster("apps", { masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } });
  },
};
