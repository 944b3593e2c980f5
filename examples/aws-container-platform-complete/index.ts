// Every ContainerPlatform knob: prod, internet-facing (a recorded weakening) on the public subnets, the
// allowed ranges, log retention, protection; services routed by host and by path, an image the program
// builds (an Output, checked once known), and a database secret that brings its key's grant.
import * as pulumi from "@pulumi/pulumi";
import { ContainerPlatform, ContainerService, Network, PostgresDatabase } from "../../components/aws";

export default function program(): Record<string, unknown> {
  const network = new Network("edge", { environment: "prod" });
  const platform = new ContainerPlatform("edge", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.publicSubnetIds,
    internetFacing: true,
    allowedCidrBlocks: ["0.0.0.0/0"],
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
    logRetentionDays: 400,
    protect: true,
    loadBalancerDeletionProtection: true,
    tags: { team: "platform" },
  });
  const db = new PostgresDatabase("orders-db", {
    environment: "prod",
    vpcId: network.vpcId,
    subnetIds: network.isolatedSubnetIds,
  });
  // An image built and pushed by the program arrives as an Output of its digest.
  const built = pulumi.output(
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:${"4f".repeat(32)}`,
  );
  const orders = new ContainerService("orders", {
    environment: "prod",
    platform,
    subnetIds: network.privateSubnetIds,
    image: built,
    listenerPriority: 10,
    hostHeaders: ["shop.example.com"],
    pathPatterns: ["/orders/*"],
    // The master secret brings its key: no secretKeyArns needed (for a migration task; apps use grantConnect).
    secrets: { DATABASE_ADMIN: db.masterUserSecretArn },
  });
  db.connections.allowDefaultPortFrom(orders);
  new ContainerService("storefront", {
    environment: "prod",
    platform,
    subnetIds: network.privateSubnetIds,
    image: "ghcr.io/acme/storefront:3.2.0",
    listenerPriority: 100,
    hostHeaders: ["shop.example.com"],
  });
  return { url: platform.loadBalancerDnsName, weakened: platform.weakened };
}
