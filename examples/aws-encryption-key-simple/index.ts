// The smallest useful EncryptionKey: a rotating key with an alias, administered through IAM.
import { EncryptionKey } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("data");
  return { keyArn: key.arn, alias: key.aliasName };
}
