// The smallest useful Network: a custom-mode VPC with private and isolated subnets (flow logs, Private
// Google Access), a logged Cloud NAT and a logged deny-all ingress baseline, by default.
import { Network } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const net = new Network("core");
  return { networkId: net.networkId, privateSubnetId: net.privateSubnetId };
}
