// Every Bucket knob: prod profile, a fixed name, a shared key, a central log bucket, lifecycle days and
// grants to three kinds of grantee: a raw role, a role from elsewhere by ARN, and the bucket's reader
// named explicitly (an id keeps an existing grant's name).
import * as iam from "@pulumi/aws/iam";
import { Bucket, EncryptionKey, roleGrantee } from "../../components/aws";

const ecsTrust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("reports-key", { environment: "prod" });
  const bucket = new Bucket("reports", {
    environment: "prod",
    bucketName: "acme-prod-reports",
    encryptionKey: key,
    accessLogBucket: "acme-prod-access-logs",
    accessLogging: true,
    noncurrentVersionExpirationDays: 365,
    abortIncompleteUploadDays: 3,
    logRetentionDays: 365,
    tags: { "data-class": "internal" },
    protect: true,
  });
  // A raw role: the grant is named after the role's resource name, `reports-grant-report-reader-read`.
  bucket.grantRead(new iam.Role("report-reader", { assumeRolePolicy: ecsTrust }));
  // A role of another stack, by ARN, named by the caller: `reports-grant-ingest-write`.
  bucket.grantWrite(roleGrantee("ingest", "arn:aws:iam::123456789012:role/ingest"));
  // The same grantee may hold several levels; each is its own child, `reports-grant-ingest-read`.
  bucket.grantRead(roleGrantee("ingest", "arn:aws:iam::123456789012:role/ingest"));
  return { bucketName: bucket.bucketName, arn: bucket.arn };
}
