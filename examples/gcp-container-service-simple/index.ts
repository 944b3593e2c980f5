// The smallest useful ContainerService: a Cloud Run service reachable from the VPC and Google Cloud load
// balancers only, running as its own service account, CMEK-encrypted, egressing through the network.
import { ContainerService, Network } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const net = new Network("core");
  const web = new ContainerService("web", {
    image: "europe-docker.pkg.dev/acme/apps/web:1.2.3",
    network: net,
  });
  return { url: web.url, serviceAccountEmail: web.serviceAccountEmail };
}
