// Corpus: CloudFront reaching its custom origin over plain HTTP.
import { CorpusEntry } from "../kit";
import { distribution } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "CloudFront distribution with an http-only custom origin",
  expect: ["aws-cloudfront-origin-tls"],
  program: () => {
    distribution("cdn", {
      origins: [
        {
          originId: "app",
          domainName: "app.example.com",
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "http-only",
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
    });
  },
};
