// Re-authored after github.com/tusharshahrs/pulumi-home@fc21bd360b6f0075be688d6d55a1ea79c6bfe491/azure-ts-serverless-www-html/index.ts ((none stated)): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";

// A static website in a storage account (its key listed), two pages uploaded, the web endpoint exported.
const group = new resources.ResourceGroup("demo-rg");
const account = new storage.StorageAccount(
  "demosa",
  {
    resourceGroupName: group.name,
    sku: { name: storage.SkuName.Standard_LRS },
    kind: storage.Kind.StorageV2,
  },
  { parent: group },
);
const keys = pulumi
  .all([group.name, account.name])
  .apply(([resourceGroupName, accountName]) =>
    storage.listStorageAccountKeys({ resourceGroupName, accountName }),
  );
export const primaryStorageKey = pulumi.secret(keys.keys[0].value);
const site = new storage.StorageAccountStaticWebsite(
  "demo-staticwebsite",
  {
    accountName: account.name,
    resourceGroupName: group.name,
    indexDocument: "index.html",
    error404Document: "404.html",
  },
  { parent: account },
);
for (const page of ["index.html", "404.html"])
  new storage.Blob(page, {
    resourceGroupName: group.name,
    accountName: account.name,
    containerName: site.containerName,
    source: new pulumi.asset.StringAsset(`<html><body>${page}</body></html>`),
    type: "Block",
    contentType: "text/html",
  });
export const staticEndpoint = account.primaryEndpoints.web;
