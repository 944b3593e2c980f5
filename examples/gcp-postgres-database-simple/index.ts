// The smallest useful PostgresDatabase: a Network with private services, and Cloud SQL on a private IP
// only, TLS required, backed up with point-in-time recovery and CMEK-encrypted, by default.
import { Network, PostgresDatabase } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const net = new Network("core", { privateServices: true });
  const db = new PostgresDatabase("orders", { network: net });
  return { connectionName: db.connectionName, privateIpAddress: db.privateIpAddress };
}
