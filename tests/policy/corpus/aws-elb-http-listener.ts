// Corpus: Classic Load Balancer with a plain HTTP listener.
import { CorpusEntry } from "../kit";
import { classicLoadBalancer } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "Classic Load Balancer listening on HTTP",
  expect: ["aws-elb-listener-tls"],
  program: () => {
    classicLoadBalancer("legacy", {
      listeners: [{ lbPort: 80, lbProtocol: "http", instancePort: 8080, instanceProtocol: "http" }],
    });
  },
};
