// The smallest useful EncryptionKey: a key ring and a key rotating every 90 days, in the provider's region.
import { EncryptionKey } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("data");
  return { keyId: key.keyId };
}
