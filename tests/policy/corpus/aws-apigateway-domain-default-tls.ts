// Corpus: REST API custom domain left on the default TLS_1_0 policy.
import { CorpusEntry } from "../kit";
import { restDomainName } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "API Gateway REST domain name without a securityPolicy",
  expect: ["aws-apigateway-domain-tls"],
  program: () => {
    restDomainName("api", { securityPolicy: undefined });
  },
};
