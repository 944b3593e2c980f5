// Corpus: aws lb http forward.
import * as lb from "@pulumi/aws/lb";
import { CorpusEntry, TAGS } from "../kit";

function alb(): lb.LoadBalancer {
  return new lb.LoadBalancer("web", {
    loadBalancerType: "application",
    internal: true,
    subnets: ["subnet-0a", "subnet-0b"],
    dropInvalidHeaderFields: true,
    accessLogs: { bucket: "central-alb-logs", enabled: true },
    tags: TAGS,
  });
}

// Plaintext HTTP forwarded to the targets instead of redirected.
export const entry: CorpusEntry = {
  description: "HTTP listener forwarding traffic",
  expect: ["aws-lb-listener-https"],
  program: () => {
    new lb.Listener("web-http", {
      loadBalancerArn: alb().arn,
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
