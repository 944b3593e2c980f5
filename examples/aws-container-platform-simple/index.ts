// The smallest shared platform: two internal HTTPS services on one cluster and one load balancer, routed
// by host name.
import { ContainerPlatform, ContainerService, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core");
  const platform = new ContainerPlatform("shared", {
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
  });
  for (const [name, priority] of [
    ["api", 10],
    ["web", 20],
  ] as const) {
    new ContainerService(name, {
      platform,
      subnetIds: network.privateSubnetIds,
      image: `ghcr.io/acme/${name}:1.4.2`,
      listenerPriority: priority,
      hostHeaders: [`${name}.internal.example.com`],
    });
  }
  return { url: platform.loadBalancerDnsName };
}
