// Every Network knob: prod profile, own CIDR, three zones, NAT per zone, a shared key, longer retention.
import { EncryptionKey, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("platform-logs", { environment: "prod", services: ["logs"] });
  const network = new Network("core", {
    environment: "prod",
    cidrBlock: "10.40.0.0/16",
    zones: 3,
    natGateways: "perAz",
    flowLogs: true,
    logRetentionDays: 731,
    encryptionKey: key,
    tags: { "cost-center": "platform" },
    protect: true,
  });
  return {
    vpcId: network.vpcId,
    publicSubnetIds: network.publicSubnetIds,
    privateSubnetIds: network.privateSubnetIds,
    isolatedSubnetIds: network.isolatedSubnetIds,
    flowLogGroupName: network.flowLogGroupName,
  };
}
