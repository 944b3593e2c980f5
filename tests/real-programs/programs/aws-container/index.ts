// Re-authored after github.com/pulumi/templates@65db26bfbdb2fef067d2a10dcadef7b553b36d60/container-aws-typescript/index.ts (Apache-2.0): the same resources, invokes and outputs, written here.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { awsx } from "../../shims/packages";

const config = new pulumi.Config();
const containerPort = config.getNumber("containerPort") ?? 80;

// An ECS cluster, and awsx's load balancer, repository, image and Fargate service (remote components).
const cluster = new aws.ecs.Cluster("cluster", {});
const lb = new awsx.lb.ApplicationLoadBalancer("loadbalancer", {});
const repo = new awsx.ecr.Repository("repo", { forceDelete: true });
const image = new awsx.ecr.Image("image", {
  repositoryUrl: repo.get("url"),
  context: "./app",
  platform: "linux/amd64",
});
new awsx.ecs.FargateService("service", {
  cluster: cluster.arn,
  assignPublicIp: true,
  taskDefinitionArgs: {
    container: {
      name: "app",
      image: image.get("imageUri"),
      cpu: config.getNumber("cpu") ?? 512,
      memory: config.getNumber("memory") ?? 128,
      essential: true,
      portMappings: [{ containerPort, targetGroup: lb.get("defaultTargetGroup") }],
    },
  },
});
export const clusterArn = cluster.arn;
