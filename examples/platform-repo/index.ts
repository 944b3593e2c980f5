// Acme's platform: a network, the orders API as an internal container service in its private subnets,
// and a bucket for the API's assets. Every resource carries the team's cost-centre tag (policy/ checks it).
import * as pulumi from "@pulumi/pulumi";
import { Bucket, ContainerService, Network } from "@groundwork/infra/aws";
import { ENVIRONMENTS, Environment } from "@groundwork/infra/core";

/** The stack's environment, refused early (with the key named) when it is not one Groundwork knows. */
function environmentOf(config: pulumi.Config): Environment {
  const value = config.require("environment");
  const known = ENVIRONMENTS as readonly string[];
  if (!known.includes(value)) {
    throw new Error(`acme-platform:environment "${value}" is not one of ${known.join(", ")}`);
  }
  return value as Environment;
}

export = async () => {
  const config = new pulumi.Config();
  const environment = environmentOf(config);
  const tags = { "cost-centre": config.require("costCentre"), owner: "orders-team" };

  const network = new Network("core", { environment, cidrBlock: config.require("cidrBlock"), tags });
  const api = new ContainerService("orders-api", {
    environment,
    tags,
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    image: config.require("image"),
    containerPort: 8080,
    certificateArn: config.require("certificateArn"),
  });
  const assets = new Bucket("orders-assets", { environment, tags });

  return { vpcId: network.vpcId, apiUrl: api.loadBalancerDnsName, assetsBucket: assets.bucketName };
};
