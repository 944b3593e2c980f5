// A Network with every knob: a fixed region and block, health-check allows for load-balanced backends,
// and the private services connection Cloud SQL's private IP needs.
import { Network } from "../../components/gcp";

export default function program(): Record<string, unknown> {
  const net = new Network("core", {
    environment: "prod",
    region: "europe-west4",
    cidrBlock: "10.40.0.0/20",
    nat: true,
    flowLogs: true,
    allowInternal: true,
    healthCheckPorts: [8080],
    privateServices: true,
  });
  return {
    networkId: net.networkId,
    privateSubnetId: net.privateSubnetId,
    isolatedSubnetId: net.isolatedSubnetId,
    weakened: net.weakened,
  };
}
