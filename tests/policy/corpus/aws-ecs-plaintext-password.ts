// Corpus: ECS container definition with a password in its plain environment.
import * as ecs from "@pulumi/aws/ecs";
import { CorpusEntry, TAGS } from "../kit";

export const entry: CorpusEntry = {
  description: "ECS task definition with DB_PASSWORD in environment",
  expect: ["aws-ecs-no-plaintext-secrets"],
  program: () => {
    new ecs.TaskDefinition("api", {
      family: "api",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      executionRoleArn: "arn:aws:iam::123456789012:role/exec",
      taskRoleArn: "arn:aws:iam::123456789012:role/task",
      containerDefinitions: JSON.stringify([
        {
          name: "api",
          image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.2.3",
          user: "10001",
          readonlyRootFilesystem: true,
          environment: [
            { name: "LOG_LEVEL", value: "info" },
            { name: "DB_PASSWORD", value: "hunter2" },
          ],
        },
      ]),
      tags: TAGS,
    });
  },
};
