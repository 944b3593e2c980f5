// Every Bucket knob: prod profile, a fixed name, a shared key, a central log bucket, lifecycle days and
// grants for a reader and a writer.
import * as iam from "@pulumi/aws/iam";
import { Bucket, EncryptionKey } from "../../components/aws";

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
  bucket.grantRead(new iam.Role("report-reader", { assumeRolePolicy: ecsTrust }));
  bucket.grantWrite(new iam.Role("report-writer", { assumeRolePolicy: ecsTrust }));
  return { bucketName: bucket.bucketName, arn: bucket.arn };
}
