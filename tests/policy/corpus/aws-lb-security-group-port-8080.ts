// Corpus: aws lb security group port 8080.
import { CorpusEntry } from "../kit";
import { loadBalancerOnPort } from "../aws-kit";

// A load balancer whose group admits a network on 8080, a port no listener of a web front door needs.
export const entry: CorpusEntry = {
  description: "load balancer security group open on 8080",
  expect: ["aws-lb-security-group-ports"],
  program: () => loadBalancerOnPort("api", 8080),
};
