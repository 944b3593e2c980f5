// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/vm-azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as compute from "@pulumi/azure-native/compute";
import { random, tls } from "../../shims/packages";

// A Debian VM with a public IP, SSH and HTTP open to the world, logging in with a generated key; its
// address read back through getPublicIPAddress once the VM exists.
const sshKey = new tls.PrivateKey("ssh-key", { algorithm: "RSA", rsaBits: 4096 });
const group = new resources.ResourceGroup("resource-group");
const vnet = new network.VirtualNetwork("network", {
  resourceGroupName: group.name,
  addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
  subnets: [{ name: "my-server-subnet", addressPrefix: "10.0.1.0/24" }],
});
const label = new random.RandomString("domain-label", { length: 8, upper: false, special: false }).get(
  "result",
) as pulumi.Output<string>;
const publicIp = new network.PublicIPAddress("public-ip", {
  resourceGroupName: group.name,
  publicIPAllocationMethod: network.IPAllocationMethod.Dynamic,
  dnsSettings: { domainNameLabel: label },
});
const nsg = new network.NetworkSecurityGroup("security-group", {
  resourceGroupName: group.name,
  securityRules: [
    {
      name: "my-server-securityrule",
      priority: 1000,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourcePortRange: "*",
      sourceAddressPrefix: "*",
      destinationAddressPrefix: "*",
      destinationPortRanges: ["80", "22"],
    },
  ],
});
const nic = new network.NetworkInterface("network-interface", {
  resourceGroupName: group.name,
  networkSecurityGroup: { id: nsg.id },
  ipConfigurations: [
    {
      name: "my-server-ipconfiguration",
      privateIPAllocationMethod: network.IPAllocationMethod.Dynamic,
      subnet: { id: vnet.subnets.apply((s) => s![0].id!) },
      publicIPAddress: { id: publicIp.id },
    },
  ],
});
const vm = new compute.VirtualMachine("vm", {
  resourceGroupName: group.name,
  networkProfile: { networkInterfaces: [{ id: nic.id, primary: true }] },
  hardwareProfile: { vmSize: "Standard_A1_v2" },
  osProfile: {
    computerName: "my-server",
    adminUsername: "pulumiuser",
    linuxConfiguration: {
      disablePasswordAuthentication: true,
      ssh: {
        publicKeys: [
          {
            keyData: sshKey.get("publicKeyOpenssh") as pulumi.Output<string>,
            path: "/home/pulumiuser/.ssh/authorized_keys",
          },
        ],
      },
    },
  },
  storageProfile: {
    osDisk: { name: "my-server-osdisk", createOption: compute.DiskCreateOption.FromImage },
    imageReference: { publisher: "Debian", offer: "debian-11", sku: "11", version: "latest" },
  },
});
const address = vm.id.apply(() =>
  network.getPublicIPAddressOutput({ resourceGroupName: group.name, publicIpAddressName: publicIp.name }),
);
export const ip = address.ipAddress;
export const hostname = address.apply((a) => a.dnsSettings?.fqdn);
export const privatekey = sshKey.get("privateKeyPem");
