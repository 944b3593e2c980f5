// The smallest useful Bucket: private, CMEK-encrypted, versioned, soft-deleting and usage-logged, by default.
import { Bucket } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const bucket = new Bucket("assets");
  return { bucketName: bucket.bucketName, keyId: bucket.keyId };
}
