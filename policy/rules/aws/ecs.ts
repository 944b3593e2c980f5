// AWS ECS rules: tasks stay private, deployments roll back, containers run hardened, and each workload
// has its own task role.
import type { ServiceArgs, TaskDefinitionArgs } from "@pulumi/aws/ecs";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs, oneOrMany, record } from "../../runtime/props";
import { T } from "./resource-types";

/** The fields of an ECS container definition (JSON in `containerDefinitions`) the rules read. */
interface ContainerDefinition {
  readonly name?: unknown;
  readonly user?: unknown;
  readonly privileged?: unknown;
  readonly readonlyRootFilesystem?: unknown;
}

export const ecsRules: ResourceRule[] = [
  {
    name: "aws-ecs-no-public-ip",
    area: "aws",
    severity: "high",
    description: "ECS services must not give tasks public IP addresses.",
    remediationSteps:
      "Run tasks in private subnets with `assignPublicIp: false`; reach them through a load balancer.",
    references: ["CKV_AWS_333"],
    validateResource(args, report) {
      const service = inputsOf<ServiceArgs>(args, T.ecsService);
      if (service?.networkConfiguration?.assignPublicIp === true) {
        report("networkConfiguration.assignPublicIp is true");
      }
    },
  },
  {
    name: "aws-ecs-circuit-breaker",
    area: "aws",
    severity: "low",
    description: "ECS services roll back failed deployments with the deployment circuit breaker.",
    remediationSteps: "Set `deploymentCircuitBreaker: { enable: true, rollback: true }`.",
    references: ["Groundwork BASELINE AWS ContainerService"],
    validateResource: onInputs<ServiceArgs>(T.ecsService, (service, report) => {
      const breaker = service.deploymentCircuitBreaker;
      if (breaker?.enable !== true || breaker.rollback !== true)
        report("deployment circuit breaker with rollback is not on");
    }),
  },
  {
    name: "aws-ecs-task-hardening",
    area: "aws",
    severity: "high",
    description: "ECS containers run as a non-root user, unprivileged, with a read-only root filesystem.",
    remediationSteps:
      "In each container definition set `user` to a non-root UID, `readonlyRootFilesystem: true` and leave `privileged` unset.",
    references: ["CKV_AWS_336", "CKV_AWS_334"],
    validateResource: onInputs<TaskDefinitionArgs>(T.taskDefinition, (task, report) => {
      const raw: unknown = task.containerDefinitions;
      let defs: unknown;
      try {
        defs = typeof raw === "string" ? JSON.parse(raw) : raw;
      } catch {
        report("containerDefinitions is not valid JSON");
        return;
      }
      for (const d of oneOrMany(defs).map((x) => record(x) as ContainerDefinition)) {
        const name = String(d.name ?? "?");
        if (d.readonlyRootFilesystem !== true)
          report(`container "${name}": readonlyRootFilesystem is not true`);
        if (d.privileged === true) report(`container "${name}" is privileged`);
        const user = d.user === undefined ? undefined : String(d.user).split(":")[0];
        if (user === undefined || user === "root" || user === "0") {
          report(`container "${name}" runs as root (user ${JSON.stringify(d.user ?? "unset")})`);
        }
      }
    }),
  },
  {
    name: "aws-ecs-separate-task-role",
    area: "aws",
    severity: "medium",
    description: "ECS tasks use a task role distinct from the execution role (one identity per workload).",
    remediationSteps:
      "Create a dedicated task role with only the application's permissions; keep the execution role for pulling images and logs.",
    references: ["Groundwork BASELINE identities"],
    validateResource: onInputs<TaskDefinitionArgs>(T.taskDefinition, (task, report) => {
      const exec = task.executionRoleArn;
      const role = task.taskRoleArn;
      if (role !== undefined && exec !== undefined && role === exec)
        report("taskRoleArn equals executionRoleArn");
    }),
  },
];
