// Corpus: aws ecs task as root.
import * as ecs from "@pulumi/aws/ecs";
import { CorpusEntry, TAGS } from "../kit";

// The container runs as root with a writable root filesystem.
export const entry: CorpusEntry = {
  description: "ECS task definition running as root",
  expect: ["aws-ecs-task-hardening"],
  program: () => {
    new ecs.TaskDefinition("api", {
      family: "api",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      executionRoleArn: "arn:aws:iam::123456789012:role/api-exec",
      taskRoleArn: "arn:aws:iam::123456789012:role/api-task",
      containerDefinitions: JSON.stringify([
        { name: "api", image: "ghcr.io/acme/api:2.0.1", essential: true },
      ]),
      tags: TAGS,
    });
  },
};
