// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";

// A resource group and a StorageV2 account, its name exported.
const group = new resources.ResourceGroup("resourceGroup");
const account = new storage.StorageAccount("sa", {
  resourceGroupName: group.name,
  sku: { name: storage.SkuName.Standard_LRS },
  kind: storage.Kind.StorageV2,
});
export const storageAccountName = account.name;
