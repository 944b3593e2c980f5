// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/vm-gcp-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";

const config = new pulumi.Config();
const tag = config.get("instanceTag") ?? "webserver";
const port = config.get("servicePort") ?? "80";

// A custom network, SSH and the service port open to the world, a VM with an external IP and the full scope.
const network = new gcp.compute.Network("network", { autoCreateSubnetworks: false });
const subnet = new gcp.compute.Subnetwork("subnet", { ipCidrRange: "10.0.1.0/24", network: network.id });
const firewall = new gcp.compute.Firewall("firewall", {
  network: network.selfLink,
  allows: [{ protocol: "tcp", ports: ["22", port] }],
  direction: "INGRESS",
  sourceRanges: ["0.0.0.0/0"],
  targetTags: [tag],
});
const instance = new gcp.compute.Instance(
  "instance",
  {
    machineType: config.get("machineType") ?? "f1-micro",
    bootDisk: { initializeParams: { image: config.get("osImage") ?? "debian-11" } },
    networkInterfaces: [{ network: network.id, subnetwork: subnet.id, accessConfigs: [{}] }],
    serviceAccount: { scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
    allowStoppingForUpdate: true,
    metadataStartupScript: `#!/bin/bash\necho 'Hello, world!' > index.html\nsudo python3 -m http.server ${port} &`,
    tags: [tag],
  },
  { dependsOn: firewall },
);
const ip = instance.networkInterfaces.apply((nics) => nics[0].accessConfigs?.[0]?.natIp);
export const name = instance.name;
export const url = pulumi.interpolate`http://${ip}:${port}`;
