// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/serverless-azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as azure from "@pulumi/azure-native";
import { syncedFolder } from "../../shims/packages";

// A static site and a Function App whose code package is read through a service SAS token.
const group = new azure.resources.ResourceGroup("resource-group", {});
const account = new azure.storage.StorageAccount("account", {
  resourceGroupName: group.name,
  kind: "StorageV2",
  sku: { name: "Standard_LRS" },
});
const website = new azure.storage.StorageAccountStaticWebsite("website", {
  resourceGroupName: group.name,
  accountName: account.name,
  indexDocument: "index.html",
  error404Document: "error.html",
});
new syncedFolder.AzureBlobFolder("synced-folder", {
  path: "./www",
  resourceGroupName: group.name,
  storageAccountName: account.name,
  containerName: website.containerName,
});
const container = new azure.storage.BlobContainer("app-container", {
  accountName: account.name,
  resourceGroupName: group.name,
  publicAccess: "None",
});
const blob = new azure.storage.Blob("app-blob", {
  accountName: account.name,
  resourceGroupName: group.name,
  containerName: container.name,
  source: new pulumi.asset.AssetArchive({}),
});
const sas = azure.storage.listStorageAccountServiceSASOutput({
  resourceGroupName: group.name,
  accountName: account.name,
  protocols: azure.storage.HttpProtocol.Https,
  sharedAccessStartTime: "2022-01-01",
  sharedAccessExpiryTime: "2030-01-01",
  resource: azure.storage.SignedResource.C,
  permissions: azure.storage.Permissions.R,
  canonicalizedResource: pulumi.interpolate`/blob/${account.name}/${container.name}`,
  contentType: "application/json",
  cacheControl: "max-age=5",
  contentDisposition: "inline",
  contentEncoding: "deflate",
});
const plan = new azure.web.AppServicePlan("plan", {
  resourceGroupName: group.name,
  kind: "Linux",
  reserved: true,
  sku: { name: "Y1", tier: "Dynamic" },
});
const app = new azure.web.WebApp("function-app", {
  resourceGroupName: group.name,
  serverFarmId: plan.id,
  kind: "FunctionApp",
  siteConfig: {
    linuxFxVersion: "Node|22",
    appSettings: [
      { name: "FUNCTIONS_WORKER_RUNTIME", value: "node" },
      { name: "WEBSITE_NODE_DEFAULT_VERSION", value: "~22" },
      { name: "FUNCTIONS_EXTENSION_VERSION", value: "~4" },
      {
        name: "WEBSITE_RUN_FROM_PACKAGE",
        value: pulumi.interpolate`${account.primaryEndpoints.blob}${container.name}/${blob.name}?${sas.serviceSasToken}`,
      },
    ],
    cors: { allowedOrigins: ["*"] },
  },
});
new azure.storage.Blob("config.json", {
  source: app.defaultHostName.apply(
    (host) => new pulumi.asset.StringAsset(JSON.stringify({ api: `https://${host}/api` })),
  ),
  contentType: "application/json",
  accountName: account.name,
  resourceGroupName: group.name,
  containerName: website.containerName,
});
export const apiURL = pulumi.interpolate`https://${app.defaultHostName}/api`;
