// AWS ECS rules: tasks stay private, deployments roll back, containers run hardened, and each workload
// has its own task role; services scale between sane bounds.
import type { ServiceArgs, TaskDefinitionArgs } from "@pulumi/aws/ecs";
import type { TargetArgs } from "@pulumi/aws/appautoscaling";
import { GroundworkPolicy, ResourceRule, stackPolicy } from "../../runtime";
import { Inputs, Props, inputsOf, onInputs, oneOrMany, propsOf, record, records } from "../../runtime/props";
import { reportPlaintextSecrets } from "../secrets";
import { eachOf, ofTypes, referrers } from "../../runtime/links";
import { T } from "./resource-types";

/** The fields of an ECS container definition (JSON in `containerDefinitions`) the rules read. */
interface ContainerDefinition {
  readonly name?: unknown;
  readonly user?: unknown;
  readonly privileged?: unknown;
  readonly readonlyRootFilesystem?: unknown;
  readonly environment?: unknown;
}

/** A task definition's container definitions, parsed; undefined when `containerDefinitions` is not JSON. */
function containerDefinitions(task: Inputs<TaskDefinitionArgs>): ContainerDefinition[] | undefined {
  const raw: unknown = task.containerDefinitions;
  try {
    const defs: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
    return oneOrMany(defs).map((x) => record(x) as ContainerDefinition);
  } catch {
    return undefined;
  }
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
    types: T.ecsService,
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
      const defs = containerDefinitions(task);
      if (defs === undefined) {
        report("containerDefinitions is not valid JSON");
        return;
      }
      for (const d of defs) {
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
    name: "aws-ecs-no-plaintext-secrets",
    area: "aws",
    severity: "high",
    description:
      "ECS container definitions pass values whose names announce a secret (PASSWORD, TOKEN, API_KEY …) through " +
      "`secrets` (Secrets Manager or SSM references), not as plain `environment` values, which anyone with " +
      "ecs:DescribeTaskDefinition reads.",
    remediationSteps:
      "Move the value to Secrets Manager or SSM Parameter Store and list it under the container's `secrets` " +
      "(`{ name, valueFrom: <ARN> }`); the execution role needs read access to it.",
    references: ["CKV_AWS_45", "AWS FSBP ECS.8"],
    validateResource: onInputs<TaskDefinitionArgs>(T.taskDefinition, (task, report) => {
      for (const d of containerDefinitions(task) ?? []) {
        const settings = records(d.environment).map((e) => ({
          name: e.name,
          value: e.value,
          where: `container "${String(d.name ?? "?")}"`,
        }));
        reportPlaintextSecrets(
          settings,
          report,
          "environment variable",
          "anyone with ecs:DescribeTaskDefinition",
        );
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

// A scalable target names its service as `service/<cluster>/<service>`: module-level, so the link index
// built for this reader is shared by every service.
const scaledServiceName = (props: Props): unknown => String(props.resourceId ?? "").split("/")[2];

export const serviceStackPolicies: GroundworkPolicy[] = [
  stackPolicy({
    name: "aws-ecs-autoscaling-bounds",
    area: "aws",
    severity: "medium",
    description:
      "Every replica-scheduled ECS service has an Application Auto Scaling target with `minCapacity` at least the " +
      "configured minimum (default 1) and `maxCapacity` not below `minCapacity`.",
    remediationSteps:
      'Add an aws.appautoscaling.Target (`serviceNamespace: "ecs"`, `resourceId: service/<cluster>/<service>`) with minCapacity ≥ 1 and maxCapacity ≥ minCapacity, and a scaling policy.',
    references: ["Groundwork BASELINE AWS ContainerService"],
    configSchema: {
      properties: {
        minimumCapacity: {
          type: "integer",
          minimum: 0,
          default: 1,
          description: "Smallest minCapacity accepted (2 keeps a task running while another is replaced).",
        },
      },
    },
    types: T.ecsService,
    validateStack(args, report) {
      const floor = args.getConfig<{ minimumCapacity?: number }>().minimumCapacity ?? 1;
      eachOf(ofTypes(args.resources, T.ecsService), report, (service) => {
        if (propsOf<ServiceArgs>(service).schedulingStrategy === "DAEMON") return;
        const targets = referrers(
          args.resources,
          T.scalingTarget,
          "resourceId",
          service,
          ["name"],
          scaledServiceName,
        );
        if (targets.length === 0) report(`service "${service.name}" has no autoscaling target`, service.urn);
        for (const t of targets) {
          const { minCapacity: min, maxCapacity: max } = propsOf<TargetArgs>(t);
          if (min < floor) report(`"${t.name}": minCapacity ${min} is below ${floor}`, service.urn);
          if (max < min) report(`"${t.name}": maxCapacity ${max} is below minCapacity ${min}`, service.urn);
        }
      });
    },
  }),
];
