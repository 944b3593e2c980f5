// The smallest useful Network on Azure: private, apps and data subnets, each behind its own NSG that denies
// the internet, default outbound access off, delegations and NSG diagnostics, all by default.
import { Network } from "../../components/azure";

export default function program(): Record<string, unknown> {
  const network = new Network("core", { location: "westeurope" });
  return { vnetId: network.vnetId, appsSubnetId: network.subnetId("apps") };
}
