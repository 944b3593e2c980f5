// Corpus: aws ecs public ip.
import * as ecs from "@pulumi/aws/ecs";
import { CorpusEntry, TAGS } from "../kit";

// Tasks get public IPs (typically to reach the internet without NAT).
export const entry: CorpusEntry = {
  description: "ECS service with assignPublicIp true",
  expect: ["aws-ecs-no-public-ip"],
  program: () => {
    new ecs.Service("api", {
      cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
      taskDefinition: "api:1",
      launchType: "FARGATE",
      desiredCount: 2,
      networkConfiguration: { subnets: ["subnet-0a"], assignPublicIp: true },
      deploymentCircuitBreaker: { enable: true, rollback: true },
      tags: TAGS,
    });
  },
};
