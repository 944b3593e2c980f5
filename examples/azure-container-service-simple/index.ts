// The smallest useful ContainerService on Azure: an internal Container Apps environment in the network's
// apps subnet, logs to a workspace, and an app with internal HTTPS-only ingress and its own identity.
import { ContainerService, Network } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { location: "westeurope" });
  const api = new ContainerService("api", {
    location: "westeurope",
    network,
    image: "mcr.microsoft.com/k8se/quickstart:1.0.0",
  });
  return { fqdn: api.fqdn };
}
