// The smallest useful PostgresDatabase: in a Network's isolated subnets, reachable by no one yet.
import { Network, PostgresDatabase } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("core");
  const db = new PostgresDatabase("orders", { vpcId: network.vpcId, subnetIds: network.isolatedSubnetIds });
  return { endpoint: db.endpoint };
}
