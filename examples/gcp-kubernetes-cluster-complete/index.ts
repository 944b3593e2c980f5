// A KubernetesCluster with every knob: prod (STABLE channel, three zones, deletion protection, protect), a
// pinned minimum version, bigger nodes and bounds, labels, and the public endpoint opened to one office
// range (a weakening, recorded in the cluster's labels and the `weakened` output). The network and key ids
// come from another stack, so the cluster takes them as ids.
import { KubernetesCluster } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const cluster = new KubernetesCluster("apps", {
    environment: "prod",
    labels: { team: "platform" },
    region: "europe-west4",
    network: {
      networkId: "projects/acme-prod/global/networks/core",
      subnetId: "projects/acme-prod/regions/europe-west4/subnetworks/private",
      podsRangeName: "pods",
      servicesRangeName: "services",
    },
    encryptionKey: "projects/acme-prod/locations/europe-west4/keyRings/platform/cryptoKeys/gke",
    version: "1.35",
    releaseChannel: "STABLE",
    nodes: { machineType: "n2-standard-8", min: 2, max: 10, diskSizeGb: 200 },
    zones: 3,
    authorizedNetworks: ["203.0.113.0/24"],
    deletionProtection: true,
    protect: true,
  });
  return {
    clusterId: cluster.clusterId,
    workloadPool: cluster.workloadPool,
    nodeServiceAccount: cluster.nodeServiceAccountEmail,
    weakened: cluster.weakened,
  };
}
