// The smallest useful ContainerService: an internal HTTPS service in a Network's private subnets.
import { ContainerService, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core");
  const service = new ContainerService("api", {
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    image: "ghcr.io/acme/api:1.4.2",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
  });
  return { url: service.loadBalancerDnsName };
}
