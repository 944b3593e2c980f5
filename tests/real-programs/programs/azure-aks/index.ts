// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/kubernetes-azure-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as containerservice from "@pulumi/azure-native/containerservice";

const config = new pulumi.Config();
const prefix = config.get("prefixForDns") ?? "pulumi";

// An AKS cluster in its own network; the user and admin kubeconfigs listed and decoded.
const group = new resources.ResourceGroup("resourceGroup", {});
const vnet = new network.VirtualNetwork("virtualNetwork", {
  addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
  resourceGroupName: group.name,
});
const subnets = ["10.0.0.0/22", "10.0.4.0/22", "10.0.8.0/22"].map(
  (prefixCidr, i) =>
    new network.Subnet(`subnet${i + 1}`, {
      addressPrefix: prefixCidr,
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
    }),
);
const cluster = new containerservice.ManagedCluster("managedCluster", {
  resourceGroupName: group.name,
  agentPoolProfiles: [
    {
      availabilityZones: ["1", "2", "3"],
      count: 3,
      enableNodePublicIP: false,
      mode: "System",
      name: "systempool",
      osType: "Linux",
      osDiskSizeGB: 30,
      type: "VirtualMachineScaleSets",
      vmSize: "Standard_DS2_v2",
      vnetSubnetID: subnets[0].id,
    },
  ],
  dnsPrefix: prefix,
  enableRBAC: true,
  identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
  kubernetesVersion: config.get("kubernetesVersion") ?? "1.33",
  networkProfile: {
    networkPlugin: "azure",
    networkPolicy: "azure",
    serviceCidr: "10.96.0.0/16",
    dnsServiceIP: "10.96.0.10",
  },
});
const decode = (creds: pulumi.Output<containerservice.ListManagedClusterUserCredentialsResult>) =>
  creds.kubeconfigs.apply((k) => Buffer.from(k[0].value, "base64").toString());
const user = containerservice.listManagedClusterUserCredentialsOutput({
  resourceGroupName: group.name,
  resourceName: cluster.name,
});
const admin = containerservice.listManagedClusterAdminCredentialsOutput({
  resourceGroupName: group.name,
  resourceName: cluster.name,
});
export const kubeconfig = pulumi.secret(decode(user));
export const adminKubeconfig = pulumi.secret(decode(admin));
export const clusterName = cluster.name;
