// The smallest useful Bucket: private, KMS-encrypted, versioned and access-logged, all by default.
import { Bucket } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const bucket = new Bucket("assets");
  return { bucketName: bucket.bucketName, keyArn: bucket.keyArn };
}
