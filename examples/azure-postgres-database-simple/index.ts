// The smallest useful PostgresDatabase on Azure: a server in the network's delegated data subnet behind a
// private DNS zone, public access off, TLS required, Entra ID only, encrypted with its own key.
import { Network, PostgresDatabase } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { location: "westeurope" });
  const orders = new PostgresDatabase("orders", {
    location: "westeurope",
    network,
    administrators: [{ objectId: "00000000-0000-4000-8000-00000000000a", principalName: "db-admins" }],
  });
  return { host: orders.host, database: orders.databaseName };
}
