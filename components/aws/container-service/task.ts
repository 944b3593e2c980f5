// ContainerService wiring, back half: the execution and task roles, the cluster, the read-only non-root
// task definition, the Fargate service with rollback, and CPU-based autoscaling.
import * as pulumi from "@pulumi/pulumi";
import * as ecs from "@pulumi/aws/ecs";
import * as iam from "@pulumi/aws/iam";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as appautoscaling from "@pulumi/aws/appautoscaling";
import { childName } from "../../core";
import { assumeRolePolicy, executionRolePolicy } from "../documents";
import { carriedSecretKeys } from "../secret-keys";
import { LoadBalancerParts, ServiceScope } from "./load-balancer";
import { fittedArg } from "./names";

/** The task side, for the outputs. */
export interface TaskParts {
  readonly executionRole: iam.Role;
  readonly taskRole: iam.Role;
  readonly cluster: ecs.Cluster;
  readonly service: ecs.Service;
}

/** A role ECS tasks assume, for this account only. */
function ecsTaskRole(s: ServiceScope, child: "execution-role" | "task-role", description: string): iam.Role {
  return new iam.Role(
    childName(s.name, child),
    {
      ...fittedArg(child === "task-role" ? "taskRole" : "executionRole", s.name),
      assumeRolePolicy: s.ctx.apply((c) => JSON.stringify(assumeRolePolicy("ecs-tasks.amazonaws.com", c))),
      description,
      tags: s.r.tags,
    },
    { parent: s.component },
  );
}

/**
 * The execution role may pull the image, write its log group and read exactly the named secrets; returned
 * with its policy, which the service waits for (a task started before it cannot pull its secrets).
 */
function executionRole(
  s: ServiceScope,
  logGroup: cloudwatch.LogGroup,
  keyArn: pulumi.Output<string>,
): { role: iam.Role; policy: iam.RolePolicy } {
  const role = ecsTaskRole(s, "execution-role", `ECS agent for ${s.name}: image pull, logs, named secrets`);
  const policy = new iam.RolePolicy(
    childName(s.name, "execution-policy"),
    {
      ...fittedArg("executionPolicy", s.name),
      role: role.name,
      policy: pulumi
        .all([
          logGroup.arn,
          keyArn,
          pulumi.all(Object.values(s.r.secrets)),
          // The keys the caller named, and those the secrets bring (a PostgresDatabase's master secret).
          pulumi.all([...s.r.secretKeyArns, ...carriedSecretKeys(Object.values(s.r.secrets))]),
          s.ctx,
        ])
        .apply(([logGroupArn, key, refs, secretKeys, c]) =>
          JSON.stringify(
            executionRolePolicy({
              logGroupArn,
              keyArn: key,
              secretKeyArns: [...new Set(secretKeys)],
              region: c.region,
              // A reference may name a JSON key (`...:secret:db-abc:password::`): grant the secret itself,
              // once however many of its keys are read.
              secretArns: [
                ...new Set(
                  refs
                    .filter((r) => r.includes(":secretsmanager:"))
                    .map((r) => r.split(":").slice(0, 7).join(":")),
                ),
              ],
              parameterArns: refs.filter((r) => r.includes(":ssm:")),
            }),
          ),
        ),
    },
    { parent: s.component },
  );
  return { role, policy };
}

/** The one container: pinned image, non-root, read-only root with a writable /tmp, no capabilities. */
function containerDefinitions(s: ServiceScope, logGroup: cloudwatch.LogGroup): pulumi.Output<string> {
  const { r } = s;
  return pulumi.jsonStringify([
    {
      name: "app",
      image: r.image,
      essential: true,
      user: r.user,
      readonlyRootFilesystem: r.readOnlyRootFilesystem,
      privileged: false,
      portMappings: [{ containerPort: r.containerPort, protocol: "tcp" }],
      environment: Object.entries(r.environmentVariables).map(([k, val]) => ({ name: k, value: val })),
      secrets: Object.entries(r.secrets).map(([k, ref]) => ({ name: k, valueFrom: ref })),
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": logGroup.name,
          "awslogs-region": s.region,
          "awslogs-stream-prefix": "app",
        },
      },
    },
  ]);
}

/** Target tracking on average CPU between the capacity bounds. */
function autoscaling(s: ServiceScope, cluster: ecs.Cluster, service: ecs.Service): void {
  const scaling = new appautoscaling.Target(
    childName(s.name, "scaling"),
    {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
      minCapacity: s.r.minCapacity,
      maxCapacity: s.r.maxCapacity,
      tags: s.r.tags,
    },
    { parent: s.component },
  );
  new appautoscaling.Policy(
    childName(s.name, "cpu-scaling"),
    {
      policyType: "TargetTrackingScaling",
      serviceNamespace: scaling.serviceNamespace,
      scalableDimension: scaling.scalableDimension,
      resourceId: scaling.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: 60,
        predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
        scaleInCooldown: 120,
        scaleOutCooldown: 60,
      },
    },
    { parent: s.component },
  );
}

/**
 * The Fargate service in private subnets without public IPs. A failed deployment rolls back (circuit
 * breaker) and fails the `up` (`waitForSteadyState`): without the wait, `up` reported success while ECS
 * rolled the bad task definition back, and the state recorded a revision that was not running.
 * `desiredCount` sizes the first deployment only: Application Auto Scaling owns the count from then on
 * (a server-managed property, facts/aws/resources.json), so later `up`s never reset it to the minimum.
 */
function fargateService(
  s: ServiceScope,
  front: LoadBalancerParts & { readonly ready: pulumi.Resource },
  cluster: ecs.Cluster,
  task: ecs.TaskDefinition,
  executionPolicy: iam.RolePolicy,
) {
  const { r } = s;
  return new ecs.Service(
    childName(s.name, "service"),
    {
      ...fittedArg("service", s.name),
      cluster: cluster.arn,
      taskDefinition: task.arn,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      desiredCount: r.minCapacity,
      networkConfiguration: {
        subnets: r.subnetIds,
        securityGroups: [front.taskSg.id],
        assignPublicIp: false,
      },
      loadBalancers: [
        { targetGroupArn: front.targetGroup.arn, containerName: "app", containerPort: r.containerPort },
      ],
      deploymentCircuitBreaker: { enable: true, rollback: true },
      waitForSteadyState: true,
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: false,
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      tags: r.tags,
    },
    {
      parent: s.component,
      // The listener makes the target group usable by a service; the execution policy lets the first
      // tasks pull their image and secrets.
      dependsOn: [front.ready, executionPolicy],
      ignoreChanges: ["desiredCount"],
    },
  );
}

/** The task side: roles, cluster, task definition, service and autoscaling. */
export function tasks(
  s: ServiceScope,
  front: LoadBalancerParts & { readonly ready: pulumi.Resource },
  logGroup: cloudwatch.LogGroup,
  keyArn: pulumi.Output<string>,
): TaskParts {
  const parent = { parent: s.component };
  const { role: execution, policy: executionPolicy } = executionRole(s, logGroup, keyArn);
  const taskRole = ecsTaskRole(
    s,
    "task-role",
    `Application identity of ${s.name}; grants are added by the caller`,
  );
  const cluster =
    s.r.platform?.cluster ??
    new ecs.Cluster(
      childName(s.name, "cluster"),
      {
        ...fittedArg("cluster", s.name),
        settings: [{ name: "containerInsights", value: "enabled" }],
        tags: s.r.tags,
      },
      parent,
    );
  const taskDefinition = new ecs.TaskDefinition(
    childName(s.name, "task"),
    {
      family: fittedArg("family", s.name).name ?? s.name,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(s.r.cpu),
      memory: String(s.r.memoryMiB),
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
      executionRoleArn: execution.arn,
      taskRoleArn: taskRole.arn,
      volumes: [{ name: "tmp" }],
      containerDefinitions: containerDefinitions(s, logGroup),
      tags: s.r.tags,
    },
    parent,
  );
  const service = fargateService(s, front, cluster, taskDefinition, executionPolicy);
  autoscaling(s, cluster, service);
  return { executionRole: execution, taskRole, cluster, service };
}
