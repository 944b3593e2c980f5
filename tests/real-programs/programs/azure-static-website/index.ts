// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/static-website-azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import * as cdn from "@pulumi/azure-native/cdn";
import { syncedFolder } from "../../shims/packages";

// A storage account's static website behind an Azure CDN endpoint, its origin the account's web endpoint.
const group = new resources.ResourceGroup("resource-group", {});
const account = new storage.StorageAccount("account", {
  resourceGroupName: group.name,
  kind: "StorageV2",
  sku: { name: "Standard_LRS" },
});
const website = new storage.StorageAccountStaticWebsite("website", {
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
const profile = new cdn.Profile("profile", {
  resourceGroupName: group.name,
  sku: { name: "Standard_Microsoft" },
});
const originHostname = account.primaryEndpoints.apply((e) => new URL(e.web).hostname);
const endpoint = new cdn.Endpoint("endpoint", {
  resourceGroupName: group.name,
  profileName: profile.name,
  isHttpAllowed: false,
  isHttpsAllowed: true,
  isCompressionEnabled: true,
  contentTypesToCompress: [
    "text/html",
    "text/css",
    "application/javascript",
    "application/json",
    "image/svg+xml",
  ],
  originHostHeader: originHostname,
  origins: [{ name: account.name, hostName: originHostname }],
});
export const originURL = account.primaryEndpoints.apply((e) => e.web);
export const cdnURL = pulumi.interpolate`https://${endpoint.hostName}`;
