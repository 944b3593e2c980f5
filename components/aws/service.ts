// ContainerService: an ECS Fargate service behind an Application Load Balancer — internal unless asked,
// HTTPS only (HTTP redirects), access-logged, tasks private and read-only as a non-root user, secrets
// by reference, encrypted logs, separate task and execution roles, autoscaling and rollback on failure.
import * as pulumi from "@pulumi/pulumi";
import * as ecs from "@pulumi/aws/ecs";
import * as lb from "@pulumi/aws/lb";
import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import * as iam from "@pulumi/aws/iam";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as appautoscaling from "@pulumi/aws/appautoscaling";
import { getServiceAccountOutput } from "@pulumi/aws/elb/getServiceAccount";
import {
  Environment,
  Tags,
  Validator,
  childName,
  knownValue,
  parseCidr,
  protectStateful,
  resolveProfile,
  validateLogRetention,
  weakenedAgainstProfile,
  imageReferenceProblem,
  looksLikeSecretName,
  PINNED_IMAGE_EXPECTED,
} from "../core";
import { awsTags } from "./tags";
import { AWS_SIZES } from "./sizes";
import { awsContext, requireLogsService, withWeakened } from "./common";
import { assumeRolePolicy, executionRolePolicy, logBucketPolicy } from "./documents";
import { hardenedBucket } from "./bucket";
import { EncryptionKey } from "./kms";

/** The TLS policy of the HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The Fargate CPU sizes (units) and the memory (MiB) each accepts. */
export const FARGATE_SIZES: Readonly<Record<number, readonly [number, number, number]>> = {
  256: [512, 2048, 1024],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
  8192: [16384, 61440, 4096],
  16384: [32768, 122880, 8192],
};

const SECRET_ARN =
  /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ContainerServiceArgs {
  /**
   * Environment profile: task size, autoscaling bounds, log retention, deletion protection and
   * `protect` on the stateful children.
   * @default "dev"
   */
  readonly environment?: Environment;
  /**
   * Extra tags for every taggable child. `environment`, `managed-by` and `component` are always set.
   * @default - only the Groundwork tags
   */
  readonly tags?: Tags;
  /** The VPC of the service. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets for the tasks (no public IPs are assigned). */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Subnets for the load balancer: public subnets when `internetFacing`.
   * @default - `subnetIds`
   */
  readonly loadBalancerSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** The container image, pinned to a tag other than `latest` or to a digest. */
  readonly image: string;
  /**
   * The port the container listens on.
   * @default 8080
   */
  readonly containerPort?: number;
  /** ACM certificate ARN for the HTTPS listener. */
  readonly certificateArn: pulumi.Input<string>;
  /**
   * An internet-facing load balancer. A weakened default, recorded in the `groundwork-weakened` tag and
   * the `weakened` output.
   * @default false (internal)
   */
  readonly internetFacing?: boolean;
  /**
   * Client CIDR blocks allowed to reach the load balancer (443, and 80 for the redirect). `0.0.0.0/0`
   * only with `internetFacing`.
   * @default - ["0.0.0.0/0"] when internet-facing, else ["10.0.0.0/8"]
   */
  readonly allowedCidrBlocks?: string[];
  /**
   * The health-check path.
   * @default "/healthz"
   */
  readonly healthCheckPath?: string;
  /**
   * Fargate CPU units (256 … 16384).
   * @default - the profile's: 256 (dev), 512 (staging), 1024 (prod)
   */
  readonly cpu?: number;
  /**
   * Task memory in MiB, valid for the CPU size.
   * @default - the profile's: 512 (dev), 1024 (staging), 2048 (prod)
   */
  readonly memoryMiB?: number;
  /**
   * Fewest tasks. Below the profile's is a weakened default, recorded in the `groundwork-weakened` tag
   * and the `weakened` output.
   * @default - the profile's: 1 (dev), 2 (staging), 3 (prod)
   */
  readonly minCapacity?: number;
  /**
   * Most tasks.
   * @default - the profile's: 2 (dev), 4 (staging), 10 (prod)
   */
  readonly maxCapacity?: number;
  /**
   * Plain environment variables. Names that look secret (PASSWORD, TOKEN, API_KEY …) are refused: use
   * `secrets`.
   * @default - none
   */
  readonly environmentVariables?: { readonly [name: string]: string };
  /**
   * Secrets by reference: variable name → Secrets Manager secret ARN or SSM parameter ARN. The
   * execution role may read exactly these.
   * @default - none
   */
  readonly secrets?: { readonly [name: string]: pulumi.Input<string> };
  /**
   * The container user, `uid[:gid]`; root is refused.
   * @default "10001:10001"
   */
  readonly user?: string;
  /**
   * Read-only root filesystem (a writable `/tmp` is mounted). `false` is a weakened default, recorded in
   * the `groundwork-weakened` tag and the `weakened` output.
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Retention of the application log group (and of the load balancer access logs). Below the profile's
   * is a weakened default, recorded in the `groundwork-weakened` tag and the `weakened` output.
   * @default - the profile's: 30 (dev), 90 (staging), 365 (prod)
   */
  readonly logRetentionDays?: number;
  /**
   * KMS key for the log group: an `EncryptionKey` whose `services` include `"logs"`, or a key ARN whose
   * policy lets CloudWatch Logs use it.
   * @default - a new `EncryptionKey` named `<name>-key` that names CloudWatch Logs
   */
  readonly encryptionKey?: EncryptionKey | pulumi.Input<string>;
  /**
   * Pulumi `protect` on the key, log group and load balancer log bucket. `false` where the profile
   * protects (prod) is a weakened default, recorded in the `groundwork-weakened` tag and the `weakened`
   * output.
   * @default - true in prod, false elsewhere
   */
  readonly protect?: boolean;
  /**
   * Customer-managed KMS keys that encrypt the secrets in `secrets` (for example the RDS-managed master
   * secret, encrypted with the database key). The execution role may decrypt with exactly these keys,
   * and only through Secrets Manager or SSM Parameter Store in the service's region.
   * @default - none: only secrets under AWS-managed keys can be read
   */
  readonly secretKeyArns?: pulumi.Input<string>[];
}

/** A Fargate service behind an HTTPS load balancer. */
export class ContainerService extends pulumi.ComponentResource {
  /** DNS name of the load balancer. */
  public readonly loadBalancerDnsName: pulumi.Output<string>;
  /** ARN of the load balancer. */
  public readonly loadBalancerArn: pulumi.Output<string>;
  /** Security group of the tasks: name it in a database's `allowedSecurityGroupIds`. */
  public readonly taskSecurityGroupId: pulumi.Output<string>;
  /** Security group of the load balancer. */
  public readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
  /** The service name. */
  public readonly serviceName: pulumi.Output<string>;
  /** The cluster name. */
  public readonly clusterName: pulumi.Output<string>;
  /** The application log group. */
  public readonly logGroupName: pulumi.Output<string>;
  /** Name of the bucket holding the load balancer access logs. */
  public readonly accessLogBucketName: pulumi.Output<string>;
  /** ARN of the key encrypting the application log group. */
  public readonly keyArn: pulumi.Output<string>;
  /** ARN of the HTTPS listener, for extra listener rules. */
  public readonly httpsListenerArn: pulumi.Output<string>;
  /** ARN of the target group the service registers its tasks in. */
  public readonly targetGroupArn: pulumi.Output<string>;
  /** Defaults the caller weakened by name; empty when none. */
  public readonly weakened: pulumi.Output<string[]>;
  /** The role the application runs as: grant it what the app needs (`bucket.grantRead(service.taskRole)`). */
  public readonly taskRole: iam.Role;
  /** The role ECS uses to pull the image, write logs and read the named secrets. */
  public readonly executionRole: iam.Role;

  constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    const v = new Validator("aws.ContainerService", name);
    if (typeof args !== "object" || args === null) {
      v.fail("args", args, "is missing", "an object with vpcId, subnetIds, image and certificateArn");
    }
    const profile = resolveProfile(v, args.environment);
    const baseTags = awsTags(v, {
      environment: profile.environment,
      component: "aws.ContainerService",
      tags: args.tags,
    });
    v.required("vpcId", args.vpcId, "the id of the VPC (vpc-...)");
    v.matches("vpcId", args.vpcId, /^vpc-[0-9a-f]{8,17}$/, "a VPC id (vpc-...)");
    v.required("subnetIds", args.subnetIds, "the network's private subnet ids");
    const knownSubnets = knownValue(args.subnetIds);
    if (knownSubnets !== undefined) v.listLength("subnetIds", knownSubnets as unknown[], 2, 16);
    const lbSubnets = knownValue(args.loadBalancerSubnetIds);
    if (lbSubnets !== undefined) v.listLength("loadBalancerSubnetIds", lbSubnets as unknown[], 2, 16);
    v.required("image", args.image, "a pinned image reference (repo:tag or repo@sha256:digest)");
    const imageProblem = imageReferenceProblem(args.image);
    if (imageProblem) v.fail("image", args.image, imageProblem, PINNED_IMAGE_EXPECTED);
    const port = v.integer("containerPort", args.containerPort, 1024, 65535, 8080);
    v.required("certificateArn", args.certificateArn, "an ACM certificate ARN for the HTTPS listener");
    v.matches(
      "certificateArn",
      args.certificateArn,
      /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/,
      "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
    );
    const internetFacing = v.boolean("internetFacing", args.internetFacing, false);
    if (internetFacing && args.loadBalancerSubnetIds === undefined) {
      v.fail(
        "loadBalancerSubnetIds",
        undefined,
        "is required with internetFacing",
        "the network's public subnet ids (tasks stay in subnetIds)",
      );
    }
    const cidrs = args.allowedCidrBlocks ?? (internetFacing ? ["0.0.0.0/0"] : ["10.0.0.0/8"]);
    v.listLength("allowedCidrBlocks", cidrs, 1, 50);
    cidrs.forEach((c, i) => {
      if (!parseCidr(c)) v.fail(`allowedCidrBlocks[${i}]`, c, "is not a valid IPv4 CIDR", "a.b.c.d/n");
      if (parseCidr(c)!.prefix === 0 && !internetFacing) {
        v.fail(
          `allowedCidrBlocks[${i}]`,
          c,
          "opens an internal load balancer to every address",
          "a private range, or internetFacing: true",
        );
      }
    });
    const healthCheckPath = args.healthCheckPath ?? "/healthz";
    if (typeof healthCheckPath !== "string" || !/^\/[\x21-\x7e]{0,1023}$/.test(healthCheckPath)) {
      v.fail("healthCheckPath", healthCheckPath, "is not a valid path", "a path starting with /");
    }
    const cpu = args.cpu ?? AWS_SIZES[profile.environment].taskCpu;
    if (!(cpu in FARGATE_SIZES)) {
      v.fail("cpu", cpu, "is not a Fargate CPU size", `one of ${Object.keys(FARGATE_SIZES).join(", ")}`);
    }
    const [memMin, memMax, memStep] = FARGATE_SIZES[cpu];
    const memory = v.integer(
      "memoryMiB",
      args.memoryMiB,
      memMin,
      memMax,
      Math.max(memMin, AWS_SIZES[profile.environment].taskMemoryMiB),
    );
    const memoryOk = cpu === 256 ? [512, 1024, 2048].includes(memory) : (memory - memMin) % memStep === 0;
    if (!memoryOk) {
      v.fail(
        "memoryMiB",
        memory,
        `is not a Fargate memory size for ${cpu} CPU units`,
        cpu === 256 ? "512, 1024 or 2048" : `${memMin} to ${memMax} in steps of ${memStep}`,
      );
    }
    const minCapacity = v.integer("minCapacity", args.minCapacity, 1, 100, profile.replicas.min);
    const maxCapacity = v.integer(
      "maxCapacity",
      args.maxCapacity,
      1,
      100,
      Math.max(minCapacity, profile.replicas.max),
    );
    if (maxCapacity < minCapacity) {
      v.fail(
        "maxCapacity",
        maxCapacity,
        `is below minCapacity ${minCapacity}`,
        `an integer from ${minCapacity} to 100`,
      );
    }
    const env = args.environmentVariables ?? {};
    for (const [key, value] of Object.entries(env)) {
      if (!ENV_NAME.test(key))
        v.fail(`environmentVariables.${key}`, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
      if (typeof value !== "string")
        v.fail(`environmentVariables.${key}`, value, "is not a string", "a string value");
      if (looksLikeSecretName(key)) {
        v.fail(
          `environmentVariables.${key}`,
          "(value hidden)",
          "looks like a secret in plain text",
          `secrets: { ${key}: "<Secrets Manager or SSM parameter ARN>" }`,
        );
      }
    }
    const secrets = args.secrets ?? {};
    for (const [key, ref] of Object.entries(secrets)) {
      if (!ENV_NAME.test(key))
        v.fail(`secrets.${key}`, key, "is not a valid variable name", "[A-Za-z_][A-Za-z0-9_]*");
      if (key in env)
        v.fail(`secrets.${key}`, key, "is also a plain environment variable", "each name in one place");
      v.matches(`secrets.${key}`, ref, SECRET_ARN, "a Secrets Manager secret ARN or an SSM parameter ARN");
    }
    const user = args.user ?? "10001:10001";
    if (typeof user !== "string" || !/^\d+(:\d+)?$/.test(user)) {
      v.fail("user", user, "is not a numeric user", "uid or uid:gid, e.g. 10001:10001");
    }
    if (Number(user.split(":")[0]) === 0) v.fail("user", user, "is root", "a non-root uid, e.g. 10001:10001");
    const readOnly = v.boolean("readOnlyRootFilesystem", args.readOnlyRootFilesystem, true);
    const retention = validateLogRetention(v, args.logRetentionDays, profile.logRetentionDays);
    if (typeof args.encryptionKey === "string") {
      v.matches(
        "encryptionKey",
        args.encryptionKey,
        /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
        "a KMS key ARN or an EncryptionKey",
      );
    }
    if (args.encryptionKey instanceof EncryptionKey) requireLogsService(v, args.encryptionKey);
    const secretKeyArns = args.secretKeyArns ?? [];
    if (!Array.isArray(secretKeyArns))
      v.fail("secretKeyArns", secretKeyArns, "is not a list", "a list of KMS key ARNs");
    secretKeyArns.forEach((arn, i) =>
      v.matches(
        `secretKeyArns[${i}]`,
        arn,
        /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[a-f0-9-]+$/,
        "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)",
      ),
    );
    const protect = protectStateful(
      profile,
      v.boolean("protect", args.protect, profile.protect),
      opts?.protect,
    );
    const weakened = [
      ...(internetFacing ? ["internetFacing"] : []),
      ...(readOnly ? [] : ["readOnlyRootFilesystem"]),
      ...weakenedAgainstProfile(profile, { minCapacity, logRetentionDays: retention, protect }),
    ].sort();
    const tags = withWeakened(baseTags, weakened);

    super("groundwork:aws:ContainerService", name, {}, opts);
    const parent = { parent: this };
    const ctx = awsContext(this);

    let keyArn: pulumi.Output<string>;
    if (args.encryptionKey === undefined) {
      keyArn = new EncryptionKey(
        childName(name, "key"),
        {
          environment: profile.environment,
          tags: args.tags,
          services: ["logs"],
          description: `Encrypts logs of ${name}`,
          protect,
        },
        parent,
      ).arn;
    } else {
      keyArn =
        args.encryptionKey instanceof EncryptionKey
          ? args.encryptionKey.arn
          : pulumi.output(args.encryptionKey);
    }
    const logGroup = new cloudwatch.LogGroup(
      childName(name, "logs"),
      { retentionInDays: retention, kmsKeyId: keyArn, tags },
      { parent: this, protect },
    );

    // ALB access logs can only be written to an SSE-S3 bucket (AWS does not support SSE-KMS for them).
    const elbAccount = getServiceAccountOutput({}, parent);
    const albLogs = hardenedBucket(this, childName(name, "alb-logs"), {
      tags: { ...tags, "groundwork-role": "access-logs" },
      protect,
      encryption: { sseAlgorithm: "AES256" },
      bucketKey: false,
      policy: (arn) =>
        pulumi
          .all([ctx, elbAccount])
          .apply(([c, elb]) =>
            JSON.stringify(logBucketPolicy(arn, c, { loadBalancer: true, elbAccountArn: elb.arn })),
          ),
      rules: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: {},
          expiration: { days: retention },
          noncurrentVersionExpiration: { noncurrentDays: 1 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ],
    });

    const albSg = new ec2.SecurityGroup(
      childName(name, "alb-sg"),
      { vpcId: args.vpcId, description: `Load balancer of ${name}: 443, and 80 to redirect`, tags },
      parent,
    );
    const taskSg = new ec2.SecurityGroup(
      childName(name, "task-sg"),
      { vpcId: args.vpcId, description: `Tasks of ${name}: from the load balancer only`, tags },
      parent,
    );
    cidrs.forEach((cidr, i) => {
      for (const [proto, p] of [
        ["https", 443],
        ["http", 80],
      ] as const) {
        new vpc.SecurityGroupIngressRule(
          childName(name, "alb", proto, i),
          {
            securityGroupId: albSg.id,
            cidrIpv4: cidr,
            ipProtocol: "tcp",
            fromPort: p,
            toPort: p,
            description: `${proto.toUpperCase()} from ${cidr}`,
            tags,
          },
          parent,
        );
      }
    });
    new vpc.SecurityGroupEgressRule(
      childName(name, "alb-to-tasks"),
      {
        securityGroupId: albSg.id,
        referencedSecurityGroupId: taskSg.id,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        description: "To the tasks",
        tags,
      },
      parent,
    );
    new vpc.SecurityGroupIngressRule(
      childName(name, "task-from-alb"),
      {
        securityGroupId: taskSg.id,
        referencedSecurityGroupId: albSg.id,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        description: "From the load balancer",
        tags,
      },
      parent,
    );
    // Tasks reach ECR, Secrets Manager, CloudWatch and their own dependencies over HTTPS only.
    new vpc.SecurityGroupEgressRule(
      childName(name, "task-egress-https"),
      {
        securityGroupId: taskSg.id,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "HTTPS out",
        tags,
      },
      parent,
    );

    const alb = new lb.LoadBalancer(
      childName(name, "alb"),
      {
        loadBalancerType: "application",
        internal: !internetFacing,
        subnets: args.loadBalancerSubnetIds ?? args.subnetIds,
        securityGroups: [albSg.id],
        dropInvalidHeaderFields: true,
        desyncMitigationMode: "strictest",
        enableDeletionProtection: profile.deletionProtection,
        accessLogs: { bucket: albLogs.bucket.bucket, enabled: true },
        idleTimeout: 60,
        tags,
      },
      { parent: this, dependsOn: [albLogs.policy] },
    );
    const targetGroup = new lb.TargetGroup(
      childName(name, "tg"),
      {
        vpcId: args.vpcId,
        targetType: "ip",
        protocol: "HTTP",
        port,
        deregistrationDelay: 30,
        healthCheck: {
          enabled: true,
          path: healthCheckPath,
          matcher: "200-399",
          interval: 15,
          healthyThreshold: 2,
          unhealthyThreshold: 3,
        },
        tags,
      },
      parent,
    );
    const https = new lb.Listener(
      childName(name, "https"),
      {
        loadBalancerArn: alb.arn,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: TLS_POLICY,
        certificateArn: args.certificateArn,
        defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
        tags,
      },
      parent,
    );
    new lb.Listener(
      childName(name, "http-redirect"),
      {
        loadBalancerArn: alb.arn,
        port: 80,
        protocol: "HTTP",
        defaultActions: [
          { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ],
        tags,
      },
      parent,
    );

    this.executionRole = new iam.Role(
      childName(name, "execution-role"),
      {
        assumeRolePolicy: ctx.apply((c) => JSON.stringify(assumeRolePolicy("ecs-tasks.amazonaws.com", c))),
        description: `ECS agent for ${name}: image pull, logs, named secrets`,
        tags,
      },
      parent,
    );
    const secretRefs = Object.values(secrets);
    new iam.RolePolicy(
      childName(name, "execution-policy"),
      {
        role: this.executionRole.name,
        policy: pulumi
          .all([logGroup.arn, keyArn, pulumi.all(secretRefs), pulumi.all(secretKeyArns), ctx])
          .apply(([logGroupArn, key, refs, secretKeys, c]) =>
            JSON.stringify(
              executionRolePolicy({
                logGroupArn,
                keyArn: key,
                secretKeyArns: secretKeys,
                region: c.region,
                // A reference may name a JSON key (`...:secret:db-abc:password::`): grant the secret itself.
                secretArns: refs
                  .filter((r) => r.includes(":secretsmanager:"))
                  .map((r) => r.split(":").slice(0, 7).join(":")),
                parameterArns: refs.filter((r) => r.includes(":ssm:")),
              }),
            ),
          ),
      },
      parent,
    );
    this.taskRole = new iam.Role(
      childName(name, "task-role"),
      {
        assumeRolePolicy: ctx.apply((c) => JSON.stringify(assumeRolePolicy("ecs-tasks.amazonaws.com", c))),
        description: `Application identity of ${name}; grants are added by the caller`,
        tags,
      },
      parent,
    );

    const cluster = new ecs.Cluster(
      childName(name, "cluster"),
      { settings: [{ name: "containerInsights", value: "enabled" }], tags },
      parent,
    );
    const containerDefinitions = pulumi.jsonStringify([
      {
        name: "app",
        image: args.image,
        essential: true,
        user,
        readonlyRootFilesystem: readOnly,
        privileged: false,
        portMappings: [{ containerPort: port, protocol: "tcp" }],
        environment: Object.entries(env).map(([k, val]) => ({ name: k, value: val })),
        secrets: Object.entries(secrets).map(([k, ref]) => ({ name: k, valueFrom: ref })),
        mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
        logConfiguration: {
          logDriver: "awslogs",
          options: {
            "awslogs-group": logGroup.name,
            "awslogs-region": ctx.apply((c) => c.region),
            "awslogs-stream-prefix": "app",
          },
        },
      },
    ]);
    const taskDefinition = new ecs.TaskDefinition(
      childName(name, "task"),
      {
        family: name,
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        cpu: String(cpu),
        memory: String(memory),
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        executionRoleArn: this.executionRole.arn,
        taskRoleArn: this.taskRole.arn,
        volumes: [{ name: "tmp" }],
        containerDefinitions,
        tags,
      },
      parent,
    );
    const service = new ecs.Service(
      childName(name, "service"),
      {
        cluster: cluster.arn,
        taskDefinition: taskDefinition.arn,
        launchType: "FARGATE",
        platformVersion: "LATEST",
        desiredCount: minCapacity,
        networkConfiguration: { subnets: args.subnetIds, securityGroups: [taskSg.id], assignPublicIp: false },
        loadBalancers: [{ targetGroupArn: targetGroup.arn, containerName: "app", containerPort: port }],
        deploymentCircuitBreaker: { enable: true, rollback: true },
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        healthCheckGracePeriodSeconds: 60,
        enableExecuteCommand: false,
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        tags,
      },
      { parent: this, dependsOn: [https] },
    );
    const scaling = new appautoscaling.Target(
      childName(name, "scaling"),
      {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
        minCapacity,
        maxCapacity,
        tags,
      },
      parent,
    );
    new appautoscaling.Policy(
      childName(name, "cpu-scaling"),
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
      parent,
    );

    this.loadBalancerDnsName = alb.dnsName;
    this.loadBalancerArn = alb.arn;
    this.taskSecurityGroupId = taskSg.id;
    this.loadBalancerSecurityGroupId = albSg.id;
    this.serviceName = service.name;
    this.clusterName = cluster.name;
    this.logGroupName = logGroup.name;
    this.accessLogBucketName = albLogs.bucket.bucket;
    this.keyArn = keyArn;
    this.httpsListenerArn = https.arn;
    this.targetGroupArn = targetGroup.arn;
    this.weakened = pulumi.output(weakened);
    this.registerOutputs({
      loadBalancerDnsName: this.loadBalancerDnsName,
      loadBalancerArn: this.loadBalancerArn,
      taskSecurityGroupId: this.taskSecurityGroupId,
      loadBalancerSecurityGroupId: this.loadBalancerSecurityGroupId,
      serviceName: this.serviceName,
      clusterName: this.clusterName,
      logGroupName: this.logGroupName,
      accessLogBucketName: this.accessLogBucketName,
      keyArn: this.keyArn,
      httpsListenerArn: this.httpsListenerArn,
      targetGroupArn: this.targetGroupArn,
      weakened: this.weakened,
    });
  }
}
