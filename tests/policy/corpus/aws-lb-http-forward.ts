// Corpus: aws lb http forward.
import * as lb from "@pulumi/aws/lb";
import { CorpusEntry, TAGS, loadBalancer } from "../kit";

// Plaintext HTTP forwarded to the targets instead of redirected.
export const entry: CorpusEntry = {
  description: "HTTP listener forwarding traffic",
  expect: ["aws-lb-listener-https"],
  program: () => {
    new lb.Listener("web-http", {
      loadBalancerArn: loadBalancer("web").arn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [
        {
          type: "forward",
          targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123",
        },
      ],
      tags: TAGS,
    });
  },
};
