// Every ContainerService knob on Azure: prod in a given resource group, an image pinned by digest pulled
// from a private registry with the app's identity, a Key Vault secret read with it, sizes and replicas,
// plain variables, and the service as a grantee of a storage account.
import { ResourceGroup } from "@pulumi/azure-native/resources";
import { ContainerService, Network, StorageAccount } from "../../components/azure";

const VAULT =
  "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/secrets/providers/Microsoft.KeyVault/vaults/contoso-kv";

export default function program(): Record<string, unknown> {
  const group = new ResourceGroup("platform", { location: "westeurope" });
  const network = new Network("core", { environment: "prod", resourceGroup: group });
  const api = new ContainerService("api", {
    environment: "prod",
    resourceGroup: group,
    network,
    logWorkspaceId: network.logWorkspaceId,
    image: "contoso.azurecr.io/api@sha256:0b5cfb1b1d1b6c37d6b1f2f0c2a6f6d0e9c7e7e1a4b1f1b1c1d1e1f1a1b1c1d1",
    registryServer: "contoso.azurecr.io",
    containerPort: 3000,
    cpu: 2,
    memory: "4Gi",
    minCapacity: 3,
    maxCapacity: 20,
    environmentVariables: { LOG_LEVEL: "info" },
    secrets: { DB_PASSWORD: "https://contoso-kv.vault.azure.net/secrets/db-password" },
    secretVaultIds: [VAULT],
    tags: { "cost-center": "platform" },
  });
  const uploads = new StorageAccount("uploads", {
    environment: "prod",
    resourceGroup: group,
    logWorkspaceId: network.logWorkspaceId,
  });
  uploads.grantReadWrite(api);
  return { fqdn: api.fqdn };
}
