// The smallest useful Network: a dev VPC over two zones with one NAT gateway and encrypted flow logs.
import { Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core");
  return { vpcId: network.vpcId, privateSubnetIds: network.privateSubnetIds };
}
