// AWS CloudFront rules: viewers reach the distribution over HTTPS only, with a TLS 1.2+ forward-secret
// minimum; CloudFront reaches custom origins over HTTPS with no protocol older than TLS 1.2; and access is
// logged (the legacy `loggingConfig`, or standard logging v2 through a CloudWatch LogDeliverySource).
import type { DistributionArgs } from "@pulumi/aws/cloudfront";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, Props, onInputs, propsOf, record, records, strings } from "../../runtime/props";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { isSet } from "../../runtime/unknowns";
import { T } from "./resource-types";
import { CLOUDFRONT_MINIMUMS, CLOUDFRONT_MODERN_MINIMUMS } from "./tls-policies";

type Distribution = Inputs<DistributionArgs>;

/** The default cache behavior and every ordered one, labelled as messages name them. */
function behaviors(d: Distribution): { where: string; b: Props }[] {
  return [
    { where: "defaultCacheBehavior", b: record(d.defaultCacheBehavior) },
    ...records(d.orderedCacheBehaviors).map((b, i) => ({ where: `orderedCacheBehaviors[${i}]`, b })),
  ];
}

/** Origin protocols older than TLS 1.2 (`originSslProtocols` accepts SSLv3, TLSv1, TLSv1.1, TLSv1.2). */
const OLD_ORIGIN_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1"];

// Module-level so the link index built for it is shared by every distribution.
const deliveredResource = (props: Props): unknown => props.resourceArn;

export const cloudfrontRules: ResourceRule[] = [
  {
    name: "aws-cloudfront-https-only",
    area: "aws",
    severity: "high",
    description:
      "CloudFront cache behaviors serve viewers over HTTPS only: `viewerProtocolPolicy` is `redirect-to-https` or " +
      "`https-only`, never `allow-all`.",
    remediationSteps:
      'Set `viewerProtocolPolicy: "redirect-to-https"` on the default and every ordered cache behavior.',
    references: ["CKV_AWS_34", "AWS FSBP CloudFront.3"],
    validateResource: onInputs<DistributionArgs>(T.distribution, (d, report) => {
      for (const { where, b } of behaviors(d)) {
        if (b.viewerProtocolPolicy === "allow-all")
          report(`${where}.viewerProtocolPolicy is "allow-all": viewers may use plain HTTP`);
      }
    }),
  },
  {
    name: "aws-cloudfront-viewer-tls",
    area: "aws",
    severity: "high",
    description:
      "CloudFront distributions admit viewers on TLS 1.2 or later with forward-secret ciphers: a custom certificate " +
      "with `minimumProtocolVersion` TLSv1.2_2019 or TLSv1.2_2021. The default *.cloudfront.net certificate always " +
      "admits TLS 1.0.",
    remediationSteps:
      'Serve a custom domain with an ACM certificate and set `viewerCertificate: { acmCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }`.',
    references: [
      "CKV_AWS_174",
      "CKV2_AWS_42",
      "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
    ],
    configSchema: {
      properties: {
        allowDefaultCertificate: {
          type: "boolean",
          default: false,
          description:
            "Accept the default *.cloudfront.net certificate (TLS 1.0 and up) for distributions without a domain.",
        },
      },
    },
    validateResource: onInputs<DistributionArgs>(T.distribution, (d, report, args) => {
      const cert = record(d.viewerCertificate);
      if (cert.cloudfrontDefaultCertificate === true) {
        if (args.getConfig<{ allowDefaultCertificate?: boolean }>().allowDefaultCertificate !== true)
          report(
            "viewerCertificate uses the default *.cloudfront.net certificate, with which CloudFront admits TLS 1.0 " +
              "whatever minimumProtocolVersion says",
          );
        return;
      }
      const minimum = cert.minimumProtocolVersion;
      if (minimum === undefined)
        report(
          "viewerCertificate.minimumProtocolVersion is not set: CloudFront's default, TLSv1, admits TLS 1.0",
        );
      else if (!CLOUDFRONT_MINIMUMS.includes(String(minimum)))
        report(
          `viewerCertificate.minimumProtocolVersion ${JSON.stringify(minimum)} is not a CloudFront security policy name`,
        );
      else if (!CLOUDFRONT_MODERN_MINIMUMS.includes(String(minimum)))
        report(
          `viewerCertificate.minimumProtocolVersion ${JSON.stringify(minimum)} admits a protocol older than TLS 1.2 ` +
            "or ciphers without forward secrecy",
        );
    }),
  },
  {
    name: "aws-cloudfront-origin-tls",
    area: "aws",
    severity: "high",
    description:
      "CloudFront reaches custom origins over HTTPS (`originProtocolPolicy: https-only`, or `match-viewer` when every " +
      "behavior keeps viewers on HTTPS), offering no protocol older than TLS 1.2.",
    remediationSteps:
      'Set `customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }` on each custom origin.',
    references: ["CKV2_AWS_72", "CKV2_AWS_54"],
    validateResource: onInputs<DistributionArgs>(T.distribution, (d, report) => {
      const viewersOnHttps = behaviors(d).every(({ b }) => b.viewerProtocolPolicy !== "allow-all");
      records(d.origins).forEach((origin, i) => {
        if (origin.customOriginConfig === undefined) return; // S3 and VPC origins are reached over HTTPS.
        const custom = record(origin.customOriginConfig);
        const where = `origins[${i}] (${String(origin.originId ?? "?")})`;
        if (custom.originProtocolPolicy === "http-only")
          report(
            `${where}: originProtocolPolicy is "http-only": CloudFront sends requests to the origin in plain HTTP`,
          );
        else if (custom.originProtocolPolicy === "match-viewer" && !viewersOnHttps)
          report(`${where}: originProtocolPolicy is "match-viewer" while a behavior allows HTTP viewers`);
        const old = strings(custom.originSslProtocols).filter((p) => OLD_ORIGIN_PROTOCOLS.includes(p));
        if (old.length > 0) report(`${where}: originSslProtocols offers ${old.join(", ")}`);
      });
    }),
  },
];

export const cloudfrontStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-cloudfront-access-logs",
    area: "aws",
    severity: "medium",
    description:
      "CloudFront distributions log viewer requests: `loggingConfig` to a bucket, or standard logging (v2) through a " +
      "CloudWatch LogDeliverySource naming the distribution.",
    remediationSteps:
      "Set `loggingConfig: { bucket: <log bucket domain name> }`, or add a cloudwatch.LogDeliverySource with " +
      '`resourceArn: distribution.arn`, `logType: "ACCESS_LOGS"` and a delivery to a destination.',
    references: ["CKV_AWS_86", "AWS FSBP CloudFront.5"],
    types: T.distribution,
    validateStack(args, report) {
      eachOf(ofTypes(args.resources, T.distribution), report, (d) => {
        if (isSet(record(propsOf<DistributionArgs>(d).loggingConfig), "bucket")) return;
        const sources = referrers(
          args.resources,
          T.logDeliverySource,
          "resourceArn",
          d,
          [],
          deliveredResource,
        );
        if (sources.length === 0) report(`distribution "${d.name}" writes no access logs`, d.urn);
      });
    },
  }),
];
