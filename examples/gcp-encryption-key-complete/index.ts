// An EncryptionKey with every knob: a prod key in a multi-region, monthly rotation, a longer destroy
// window, the Cloud SQL agent granted up front, and a grant to a workload's service account.
import { EncryptionKey, serviceAccountGrantee } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("data", {
    environment: "prod",
    labels: { "cost-center": "platform" },
    location: "europe-west1",
    rotationPeriodDays: 30,
    deletionWindowDays: 60,
    services: ["sql"],
  });
  key.grantEncryptDecrypt(serviceAccountGrantee("worker", "worker@acme-prod.iam.gserviceaccount.com"));
  return { keyId: key.keyId, weakened: key.weakened };
}
