// Every Network knob: prod profile, own CIDR, three zones, NAT per zone, interface endpoints beside it, a
// shared key, longer retention.
import { EncryptionKey, Network } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const key = new EncryptionKey("platform-logs", { environment: "prod", services: ["logs"] });
  const network = new Network("core", {
    environment: "prod",
    cidrBlock: "10.40.0.0/16",
    zones: 3,
    natGateways: "perAz",
    // Private paths to ECR and CloudWatch Logs beside NAT (without NAT they are on by default).
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs"],
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
    interfaceEndpoints: network.interfaceEndpoints,
  };
}
