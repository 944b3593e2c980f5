// Re-authored after github.com/tusharshahrs/pulumi-home@fc21bd360b6f0075be688d6d55a1ea79c6bfe491/azure-ts-datafactory/index.ts ((none stated)): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import * as datafactory from "@pulumi/azure-native/datafactory";

// A storage account whose primary key is listed once both names are known, and a Data Factory with a
// system-assigned identity.
const group = new resources.ResourceGroup("demo-rg");
const account = new storage.StorageAccount("demosa", {
  resourceGroupName: group.name,
  sku: { name: storage.SkuName.Standard_LRS },
  kind: storage.Kind.StorageV2,
});
const keys = pulumi
  .all([group.name, account.name])
  .apply(([resourceGroupName, accountName]) =>
    storage.listStorageAccountKeys({ resourceGroupName, accountName }),
  );
export const primaryStorageKey = pulumi.secret(keys.keys[0].value);
const factory = new datafactory.Factory("demo-factory", {
  resourceGroupName: group.name,
  identity: { type: "SystemAssigned" },
});
export const datafactoryName = factory.name;
