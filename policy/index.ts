// The CrossGuard entry point: `pulumi preview --policy-pack policy` starts this module (through
// package.json `main`, which points at the compiled file), and it serves the Groundwork policies.
import { PolicyPack } from "@pulumi/policy";
import { packDescription, packName, policies } from "./pack";

new PolicyPack(packName, {
  policies,
  description: packDescription,
  displayName: "Groundwork security baseline",
  tags: ["security", "aws", "gcp", "azure", "kubernetes"],
});
