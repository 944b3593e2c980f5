// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/container-azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as containerinstance from "@pulumi/azure-native/containerinstance";
import { dockerBuild, random } from "../../shims/packages";

// A registry with its admin user on, its credentials listed to push an image and to pull it into a public
// container group.
const group = new resources.ResourceGroup("resource-group");
const registry = new containerregistry.Registry("registry", {
  resourceGroupName: group.name,
  adminUserEnabled: true,
  sku: { name: containerregistry.SkuName.Basic },
});
const credentials = containerregistry.listRegistryCredentialsOutput({
  resourceGroupName: group.name,
  registryName: registry.name,
});
const username = credentials.apply((c) => c.username!);
const password = credentials.apply((c) => c.passwords![0].value!);
const image = new dockerBuild.Image("image", {
  tags: [pulumi.interpolate`${registry.loginServer}/my-app:latest`],
  context: { location: "./app" },
  platforms: ["linux/amd64"],
  push: true,
  registries: [{ address: registry.loginServer, username, password }],
});
const dns = new random.RandomString("dns-name", { length: 8, special: false }).get(
  "result",
) as pulumi.Output<string>;
const containerGroup = new containerinstance.ContainerGroup("container-group", {
  resourceGroupName: group.name,
  osType: "linux",
  restartPolicy: "always",
  imageRegistryCredentials: [{ server: registry.loginServer, username, password }],
  containers: [
    {
      name: "my-app",
      image: image.get("ref") as pulumi.Output<string>,
      ports: [{ port: 80, protocol: "tcp" }],
      environmentVariables: [{ name: "PORT", value: "80" }],
      resources: { requests: { cpu: 1, memoryInGB: 2 } },
    },
  ],
  ipAddress: {
    type: containerinstance.ContainerGroupIpAddressType.Public,
    dnsNameLabel: dns,
    ports: [{ port: 80, protocol: "tcp" }],
  },
});
export const hostname = containerGroup.ipAddress.apply((a) => a?.fqdn);
