// Corpus: aws lb https old tls.
import * as lb from "@pulumi/aws/lb";
import { CorpusEntry, TAGS, loadBalancer } from "../kit";

// HTTPS with the 2016 policy, which still accepts TLS 1.0.
export const entry: CorpusEntry = {
  description: "HTTPS listener with ELBSecurityPolicy-2016-08",
  expect: ["aws-lb-listener-tls-policy"],
  program: () => {
    new lb.Listener("web-https", {
      loadBalancerArn: loadBalancer("web").arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-2016-08",
      certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0d7e7f7a-0000-4000-8000-000000000000",
      defaultActions: [
        { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } },
      ],
      tags: TAGS,
    });
  },
};
