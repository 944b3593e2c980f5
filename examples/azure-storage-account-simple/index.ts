// The smallest useful StorageAccount on Azure: no public network, no shared keys, infrastructure and
// customer-managed-key encryption, soft delete, versioning and diagnostics, all by default.
import { StorageAccount } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const assets = new StorageAccount("assets", { location: "westeurope", containers: ["uploads"] });
  return { accountName: assets.accountName, blobEndpoint: assets.blobEndpoint };
}
