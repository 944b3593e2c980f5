// Corpus: CloudFront behavior that serves plain HTTP.
import { CorpusEntry } from "../kit";
import { distribution } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "CloudFront distribution whose default behavior allows HTTP viewers",
  expect: ["aws-cloudfront-https-only"],
  program: () => {
    distribution("cdn", {
      defaultCacheBehavior: {
        targetOriginId: "app",
        viewerProtocolPolicy: "allow-all",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
      },
      // With viewers on HTTP, match-viewer would be the origin rule's finding too: keep the origin on HTTPS.
    });
  },
};
