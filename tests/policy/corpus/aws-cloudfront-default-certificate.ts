// Corpus: CloudFront distribution on the default *.cloudfront.net certificate (TLS 1.0 admitted).
import { CorpusEntry } from "../kit";
import { distribution } from "../aws-edge-kit";

export const entry: CorpusEntry = {
  description: "CloudFront distribution on the default certificate",
  expect: ["aws-cloudfront-viewer-tls"],
  program: () => {
    distribution("cdn", { aliases: [], viewerCertificate: { cloudfrontDefaultCertificate: true } });
  },
};
