// A Bucket with every knob: a fixed name in the EU multi-region, a shared key in Cloud KMS's matching
// location (`europe`: Cloud KMS has no `eu`), a central log bucket, longer soft delete, and grants to a
// workload's service account.
import { Bucket, EncryptionKey, serviceAccountGrantee } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("reports-key", { environment: "prod", location: "europe" });
  const bucket = new Bucket("reports", {
    environment: "prod",
    labels: { "cost-center": "analytics" },
    bucketName: "acme-prod-reports",
    location: "EU",
    encryptionKey: key,
    accessLogBucket: "acme-prod-access-logs",
    noncurrentVersionExpirationDays: 30,
    abortIncompleteUploadDays: 3,
    softDeleteDays: 30,
  });
  const ingest = serviceAccountGrantee("ingest", "ingest@acme-prod.iam.gserviceaccount.com");
  bucket.grantRead(ingest);
  bucket.grantWrite(ingest);
  return { bucketName: bucket.bucketName, weakened: bucket.weakened };
}
