// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/static-website-aws-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { syncedFolder } from "../../shims/packages";

const config = new pulumi.Config();
const path = config.get("path") ?? "www";
const indexDocument = config.get("indexDocument") ?? "index.html";
const errorDocument = config.get("errorDocument") ?? "error.html";

// A private bucket behind CloudFront (origin access control), its files synced by a component.
const bucket = new aws.s3.Bucket("bucket");
const block = new aws.s3.BucketPublicAccessBlock("public-access-block", {
  bucket: bucket.bucket,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
new syncedFolder.S3BucketFolder(
  "bucket-folder",
  { path, bucketName: bucket.bucket, acl: "private" },
  { dependsOn: [block] },
);
const oac = new aws.cloudfront.OriginAccessControl("origin-access-control", {
  originAccessControlOriginType: "s3",
  signingBehavior: "always",
  signingProtocol: "sigv4",
});
const cdn = new aws.cloudfront.Distribution("cdn", {
  enabled: true,
  defaultRootObject: indexDocument,
  origins: [
    { originId: bucket.arn, domainName: bucket.bucketRegionalDomainName, originAccessControlId: oac.id },
  ],
  defaultCacheBehavior: {
    targetOriginId: bucket.arn,
    viewerProtocolPolicy: "redirect-to-https",
    allowedMethods: ["GET", "HEAD", "OPTIONS"],
    cachedMethods: ["GET", "HEAD", "OPTIONS"],
    defaultTtl: 600,
    maxTtl: 600,
    minTtl: 600,
    forwardedValues: { queryString: true, cookies: { forward: "all" } },
  },
  priceClass: "PriceClass_100",
  customErrorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: `/${errorDocument}` }],
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
});
new aws.s3.BucketPolicy("bucket-policy", {
  bucket: bucket.bucket,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: {
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: pulumi.interpolate`${bucket.arn}/*`,
      Condition: { StringEquals: { "AWS:SourceArn": cdn.arn } },
    },
  }),
});
export const cdnURL = pulumi.interpolate`https://${cdn.domainName}`;
export const cdnHostname = cdn.domainName;
