// ContainerService: the Fargate + ALB child set per profile and every BASELINE control, weakening,
// provider propagation and bad input.
import * as assert from "assert";
import { Bucket } from "@pulumi/aws/s3";
import { ContainerService, ContainerServiceArgs, TLS_POLICY } from "../../components/aws";
import { ENVIRONMENTS } from "../../components/core";
import {
  assertTagged,
  inputs,
  json,
  protectedNames,
  rejectsInputs,
  run,
  synthViaProvider,
  SERVICE_ARGS,
} from "./helpers";

const C = "groundwork:aws:ContainerService";
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
const PARAM = "arn:aws:ssm:us-east-1:123456789012:parameter/api/feature";
const BASE: ContainerServiceArgs = {
  ...SERVICE_ARGS,
  environmentVariables: { LOG_LEVEL: "info" },
  secrets: { DB_PASSWORD: SECRET, FEATURE: PARAM },
};

const S3 = "aws:s3/";
const INVENTORY = [
  "aws:appautoscaling/policy:Policy::api-cpu-scaling",
  "aws:appautoscaling/target:Target::api-scaling",
  "aws:cloudwatch/logGroup:LogGroup::api-logs",
  "aws:ec2/securityGroup:SecurityGroup::api-alb-sg",
  "aws:ec2/securityGroup:SecurityGroup::api-task-sg",
  "aws:ecs/cluster:Cluster::api-cluster",
  "aws:ecs/service:Service::api-service",
  "aws:ecs/taskDefinition:TaskDefinition::api-task",
  "aws:iam/role:Role::api-execution-role",
  "aws:iam/role:Role::api-task-role",
  "aws:iam/rolePolicy:RolePolicy::api-execution-policy",
  "aws:kms/alias:Alias::api-key-alias",
  "aws:kms/key:Key::api-key-cmk",
  "aws:lb/listener:Listener::api-http-redirect",
  "aws:lb/listener:Listener::api-https",
  "aws:lb/loadBalancer:LoadBalancer::api-alb",
  "aws:lb/targetGroup:TargetGroup::api-tg",
  `${S3}bucket:Bucket::api-alb-logs-bucket`,
  `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration::api-alb-logs-lifecycle`,
  `${S3}bucketOwnershipControls:BucketOwnershipControls::api-alb-logs-ownership`,
  `${S3}bucketPolicy:BucketPolicy::api-alb-logs-policy`,
  `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock::api-alb-logs-public-access`,
  `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::api-alb-logs-encryption`,
  `${S3}bucketVersioning:BucketVersioning::api-alb-logs-versioning`,
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::api-alb-to-tasks",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::api-task-egress-https",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::api-alb-http-0",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::api-alb-https-0",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::api-task-from-alb",
  "groundwork:aws:EncryptionKey::api-key",
];

const BY_PROFILE = {
  dev: { min: 1, max: 2, cpu: "256", memory: "512", retention: 30, deletionProtection: false },
  staging: { min: 2, max: 4, cpu: "512", memory: "1024", retention: 90, deletionProtection: true },
  prod: { min: 3, max: 10, cpu: "1024", memory: "2048", retention: 365, deletionProtection: true },
} as const;

interface Container {
  image: string;
  user: string;
  readonlyRootFilesystem: boolean;
  privileged: boolean;
  environment: { name: string; value: string }[];
  secrets: { name: string; valueFrom: string }[];
  mountPoints: unknown[];
  linuxParameters: { initProcessEnabled: boolean; capabilities: { drop?: string[]; add?: string[] } };
  logConfiguration: { logDriver: string; options: Record<string, string> };
}

describe("aws.ContainerService", () => {
  for (const environment of ENVIRONMENTS) {
    describe(environment, () => {
      let q: Awaited<ReturnType<typeof run>>["q"];
      let root: string;
      before(async () => {
        ({ q } = await run(
          () => {
            new ContainerService("api", { ...BASE, environment });
          },
          { stack: environment },
        ));
        root = q.one(C, "api").urn;
      });
      const p = BY_PROFILE[environment];
      if (BY_PROFILE[environment].max < 2) throw new Error("profile table broken");

      it("registers exactly the expected children", () => {
        assert.deepStrictEqual(q.inventory(root), INVENTORY);
      });

      it("runs an internal ALB that drops invalid headers and logs access", () => {
        const alb = inputs(q, "aws:lb/loadBalancer:LoadBalancer", "api-alb");
        assert.strictEqual(alb.internal, true);
        assert.strictEqual(alb.loadBalancerType, "application");
        assert.strictEqual(alb.dropInvalidHeaderFields, true);
        assert.strictEqual(alb.enableDeletionProtection, p.deletionProtection);
        assert.deepStrictEqual(alb.accessLogs, { bucket: "api-alb-logs-bucket-physical", enabled: true });
        assert.deepStrictEqual(
          q.one("aws:lb/loadBalancer:LoadBalancer", "api-alb").propertyDependencies.accessLogs,
          [q.one(`${S3}bucket:Bucket`, "api-alb-logs-bucket").urn],
        );
        const pab = inputs(
          q,
          `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`,
          "api-alb-logs-public-access",
        );
        assert.deepStrictEqual(
          [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
          [true, true, true, true],
        );
        const policy = json<{ Statement: { Sid: string; Effect: string }[] }>(
          q,
          `${S3}bucketPolicy:BucketPolicy`,
          "api-alb-logs-policy",
          "policy",
        );
        assert.deepStrictEqual(
          policy.Statement.map((s) => s.Sid),
          ["DenyInsecureTransport", "AllowLoadBalancerAccessLogs", "AllowLoadBalancerAccountAccessLogs"],
        );
      });

      it("serves HTTPS with a modern TLS policy and redirects HTTP", () => {
        const https = inputs(q, "aws:lb/listener:Listener", "api-https");
        assert.deepStrictEqual(
          [https.port, https.protocol, https.sslPolicy, https.certificateArn],
          [443, "HTTPS", TLS_POLICY, BASE.certificateArn],
        );
        assert.strictEqual(TLS_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        const http = inputs(q, "aws:lb/listener:Listener", "api-http-redirect");
        assert.deepStrictEqual([http.port, http.protocol], [80, "HTTP"]);
        assert.deepStrictEqual(http.defaultActions, [
          { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
      });

      it("opens the ALB only on 443 and 80, and the tasks only to the ALB", () => {
        const rules = q
          .descendants(root)
          .filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        const albSg = q.one("aws:ec2/securityGroup:SecurityGroup", "api-alb-sg").urn;
        const taskSg = q.one("aws:ec2/securityGroup:SecurityGroup", "api-task-sg").urn;
        for (const r of rules.filter((x) => x.propertyDependencies.securityGroupId?.includes(albSg))) {
          assert.ok(
            [443, 80].includes(r.inputs.fromPort as number) && r.inputs.fromPort === r.inputs.toPort,
            r.name,
          );
          assert.strictEqual(r.inputs.cidrIpv4, "10.0.0.0/8");
        }
        const taskRules = rules.filter((x) => x.propertyDependencies.securityGroupId?.includes(taskSg));
        assert.deepStrictEqual(
          taskRules.map((r) => r.name),
          ["api-task-from-alb"],
        );
        assert.deepStrictEqual(taskRules[0].propertyDependencies.referencedSecurityGroupId, [albSg]);
        assert.strictEqual(taskRules[0].inputs.fromPort, 8080);
      });

      it("lets the ALB egress only to the task group on the container port, the tasks only tcp/443", () => {
        const albSg = q.one("aws:ec2/securityGroup:SecurityGroup", "api-alb-sg");
        const taskSg = q.one("aws:ec2/securityGroup:SecurityGroup", "api-task-sg");
        for (const sg of [albSg, taskSg]) assert.strictEqual(sg.inputs.egress, undefined, "no inline rules");
        const egress = q
          .descendants(root)
          .filter((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        const albEgress = egress.filter((r) => r.propertyDependencies.securityGroupId?.includes(albSg.urn));
        assert.deepStrictEqual(
          albEgress.map((r) => r.name),
          ["api-alb-to-tasks"],
        );
        assert.deepStrictEqual(albEgress[0].propertyDependencies.referencedSecurityGroupId, [taskSg.urn]);
        assert.deepStrictEqual(
          [albEgress[0].inputs.ipProtocol, albEgress[0].inputs.fromPort, albEgress[0].inputs.toPort],
          ["tcp", 8080, 8080],
        );
        assert.strictEqual(albEgress[0].inputs.cidrIpv4, undefined);
        const taskEgress = egress.filter((r) => r.propertyDependencies.securityGroupId?.includes(taskSg.urn));
        assert.deepStrictEqual(
          taskEgress.map((r) => r.name),
          ["api-task-egress-https"],
        );
        assert.deepStrictEqual(
          [taskEgress[0].inputs.ipProtocol, taskEgress[0].inputs.fromPort, taskEgress[0].inputs.toPort],
          ["tcp", 443, 443],
        );
        assert.strictEqual(egress.length, 2, "no other egress rule");
      });

      it("drops every Linux capability and adds none", () => {
        const task = inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task");
        const [c] = JSON.parse(task.containerDefinitions as string) as Container[];
        assert.deepStrictEqual(c.linuxParameters.capabilities.drop, ["ALL"]);
        assert.strictEqual(c.linuxParameters.capabilities.add, undefined);
      });

      it("creates a key whose policy lets CloudWatch Logs in the region use it", () => {
        const doc = json<{ Statement: { Principal?: { Service?: string } }[] }>(
          q,
          "aws:kms/key:Key",
          "api-key-cmk",
          "policy",
        );
        assert.ok(doc.Statement.some((s) => s.Principal?.Service === "logs.us-east-1.amazonaws.com"));
      });

      it("runs tasks in private subnets without public IPs, with circuit breaker rollback", () => {
        const svc = inputs(q, "aws:ecs/service:Service", "api-service");
        assert.deepStrictEqual(svc.networkConfiguration, {
          subnets: ["subnet-p1", "subnet-p2"],
          securityGroups: [q.one("aws:ec2/securityGroup:SecurityGroup", "api-task-sg").outputs.id],
          assignPublicIp: false,
        });
        assert.deepStrictEqual(svc.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.strictEqual(svc.launchType, "FARGATE");
        assert.strictEqual(svc.enableExecuteCommand, false);
        assert.strictEqual(svc.desiredCount, p.min);
      });

      it("runs a pinned image read-only as a non-root user, secrets by reference only", () => {
        const task = inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task");
        assert.deepStrictEqual([task.cpu, task.memory, task.networkMode], [p.cpu, p.memory, "awsvpc"]);
        const [c] = JSON.parse(task.containerDefinitions as string) as Container[];
        assert.strictEqual(c.image, BASE.image);
        assert.strictEqual(c.readonlyRootFilesystem, true);
        assert.strictEqual(c.user, "10001:10001");
        assert.strictEqual(c.privileged, false);
        assert.deepStrictEqual(c.environment, [{ name: "LOG_LEVEL", value: "info" }]);
        assert.deepStrictEqual(c.secrets, [
          { name: "DB_PASSWORD", valueFrom: SECRET },
          { name: "FEATURE", valueFrom: PARAM },
        ]);
        assert.ok(!JSON.stringify(c.environment).includes("secretsmanager"));
        assert.deepStrictEqual(c.mountPoints, [
          { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
        ]);
        assert.strictEqual(c.logConfiguration.logDriver, "awslogs");
        assert.strictEqual(c.logConfiguration.options["awslogs-group"], "api-logs-physical");
      });

      it("separates the task role from the execution role; the execution role reads only the named secrets", () => {
        const task = q.one("aws:ecs/taskDefinition:TaskDefinition", "api-task");
        assert.deepStrictEqual(task.propertyDependencies.taskRoleArn, [
          q.one("aws:iam/role:Role", "api-task-role").urn,
        ]);
        assert.deepStrictEqual(task.propertyDependencies.executionRoleArn, [
          q.one("aws:iam/role:Role", "api-execution-role").urn,
        ]);
        const doc = json<{ Statement: { Sid: string; Resource: unknown }[] }>(
          q,
          "aws:iam/rolePolicy:RolePolicy",
          "api-execution-policy",
          "policy",
        );
        assert.deepStrictEqual(doc.Statement.find((s) => s.Sid === "ReadSecrets")?.Resource, [SECRET]);
        assert.deepStrictEqual(doc.Statement.find((s) => s.Sid === "ReadParameters")?.Resource, [PARAM]);
        assert.ok(
          !q
            .descendants(root)
            .some(
              (r) =>
                r.type === "aws:iam/rolePolicy:RolePolicy" &&
                r.propertyDependencies.role?.includes(q.one("aws:iam/role:Role", "api-task-role").urn),
            ),
          "the task role starts with no permissions",
        );
      });

      it("writes logs to a KMS-encrypted group with the profile's retention", () => {
        const g = inputs(q, "aws:cloudwatch/logGroup:LogGroup", "api-logs");
        assert.strictEqual(g.retentionInDays, p.retention);
        assert.strictEqual(g.kmsKeyId, q.one("aws:kms/key:Key", "api-key-cmk").outputs.arn);
      });

      it("scales between the profile's bounds", () => {
        const t = inputs(q, "aws:appautoscaling/target:Target", "api-scaling");
        assert.deepStrictEqual(
          [t.minCapacity, t.maxCapacity, t.scalableDimension],
          [p.min, p.max, "ecs:service:DesiredCount"],
        );
        const pol = inputs(q, "aws:appautoscaling/policy:Policy", "api-cpu-scaling");
        assert.strictEqual(pol.policyType, "TargetTrackingScaling");
      });

      it("tags every taggable child", () => {
        assertTagged(q, root, environment, "aws.ContainerService");
      });

      it(`protects the key, log group and log bucket ${environment === "prod" ? "in prod" : "only in prod"}`, () => {
        assert.deepStrictEqual(
          protectedNames(q, root),
          environment === "prod" ? ["api-alb-logs-bucket", "api-key-cmk", "api-logs"] : [],
        );
      });
    });
  }

  it("internetFacing is a named weakening: public ALB, visible in tags and outputs", async () => {
    const { q, graph } = await run(() => {
      const s = new ContainerService("api", {
        ...BASE,
        internetFacing: true,
        loadBalancerSubnetIds: ["subnet-pub1", "subnet-pub2"],
      });
      return { weakened: s.weakened };
    });
    const alb = inputs(q, "aws:lb/loadBalancer:LoadBalancer", "api-alb");
    assert.strictEqual(alb.internal, false);
    assert.deepStrictEqual(alb.subnets, ["subnet-pub1", "subnet-pub2"]);
    assert.strictEqual((alb.tags as Record<string, string>)["groundwork-weakened"], "internetFacing");
    assert.deepStrictEqual(graph.outputs.weakened, ["internetFacing"]);
    assert.strictEqual(
      inputs(q, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "api-alb-https-0").cidrIpv4,
      "0.0.0.0/0",
    );
    assert.deepStrictEqual(inputs(q, "aws:ecs/service:Service", "api-service").networkConfiguration, {
      subnets: ["subnet-p1", "subnet-p2"],
      securityGroups: [q.one("aws:ec2/securityGroup:SecurityGroup", "api-task-sg").outputs.id],
      assignPublicIp: false,
    });
  });

  it("readOnlyRootFilesystem false is a named weakening", async () => {
    const { q, graph } = await run(() =>
      new ContainerService("api", { ...BASE, readOnlyRootFilesystem: false }).weakened.apply((w) => ({ w })),
    );
    const [c] = JSON.parse(
      inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task").containerDefinitions as string,
    ) as Container[];
    assert.strictEqual(c.readonlyRootFilesystem, false);
    assert.deepStrictEqual(graph.outputs.w, ["readOnlyRootFilesystem"]);
  });

  it("an environment variable from another resource's Output lands resolved in the task definition", async () => {
    const { q } = await run(() => {
      const assets = new Bucket("assets", { bucket: "acme-assets" });
      new ContainerService("api", {
        ...BASE,
        environmentVariables: { LOG_LEVEL: "info", ASSETS_BUCKET: assets.bucket },
      });
    });
    const task = q.one("aws:ecs/taskDefinition:TaskDefinition", "api-task");
    const [c] = json<Container[]>(q, task.type, task.name, "containerDefinitions");
    const bucket = q.one(`${S3}bucket:Bucket`, "assets");
    assert.strictEqual(bucket.outputs.bucket, "acme-assets");
    assert.deepStrictEqual(c.environment, [
      { name: "LOG_LEVEL", value: "info" },
      { name: "ASSETS_BUCKET", value: bucket.outputs.bucket },
    ]);
    assert.ok(task.propertyDependencies.containerDefinitions.includes(bucket.urn), "the bucket comes first");
  });

  it("an explicit provider reaches every child and invoke", async () => {
    const build = (opts: object) => new ContainerService("api", { ...BASE, environment: "prod" }, opts);
    const q = await synthViaProvider([C, "api"], ["tokyo", "ap-northeast-1"], build, { stack: "prod" });
    const [c] = JSON.parse(
      inputs(q, "aws:ecs/taskDefinition:TaskDefinition", "api-task").containerDefinitions as string,
    ) as Container[];
    assert.strictEqual(c.logConfiguration.options["awslogs-region"], "ap-northeast-1");
  });

  rejectsInputs("aws.ContainerService", [
    [
      () => new ContainerService("s", { ...BASE, image: "nginx:latest" }),
      "image",
      '"nginx:latest"',
      /pinned to a tag other than latest/,
      "image on latest",
    ],
    [
      () => new ContainerService("s", { ...BASE, image: "nginx" }),
      "image",
      '"nginx"',
      /repo@sha256:/,
      "image without a tag",
    ],
    [
      () => new ContainerService("s", { ...BASE, environmentVariables: { DB_PASSWORD: "hunter2" } }),
      "environmentVariables.DB_PASSWORD",
      "(value hidden)",
      /secrets: \{ DB_PASSWORD/,
      "a secret in plain environment variables",
    ],
    [
      () => new ContainerService("s", { ...BASE, environmentVariables: { AWS_ACCESS_KEY_ID: "AKIA0000" } }),
      "environmentVariables.AWS_ACCESS_KEY_ID",
      "(value hidden)",
      /secrets: \{ AWS_ACCESS_KEY_ID/,
      "an access key in plain environment variables (the rule Kubernetes pods follow too)",
    ],
    [
      () => new ContainerService("s", { ...BASE, secrets: { TOKEN: "abc123" } }),
      "secrets.TOKEN",
      '"abc123"',
      /"abc123" is not an ARN \(it does not start with "arn:"\) \(expected a Secrets Manager secret ARN/,
      "a secret that is not a reference",
    ],
    [() => new ContainerService("s", { ...BASE, user: "0:0" }), "user", '"0:0"', /non-root uid/, "root user"],
    [
      () => new ContainerService("s", { ...BASE, allowedCidrBlocks: ["0.0.0.0/0"] }),
      "allowedCidrBlocks[0]",
      '"0.0.0.0/0"',
      /internetFacing: true/,
      "0.0.0.0/0 on an internal load balancer",
    ],
    [
      () =>
        new ContainerService("s", {
          ...BASE,
          certificateArn: "arn:aws:iam::123456789012:server-certificate/x",
        }),
      "certificateArn",
      '"arn:aws:iam::123456789012:server-certificate/x"',
      /ACM certificate ARN/,
    ],
    [
      () => new ContainerService("s", { ...BASE, cpu: 256, memoryMiB: 1536 }),
      "memoryMiB",
      "1536",
      "512, 1024 or 2048",
      "memory not valid for the CPU",
    ],
    [
      () => new ContainerService("s", { ...BASE, internetFacing: true }),
      "loadBalancerSubnetIds",
      "undefined",
      /public subnet ids/,
      "internetFacing without public subnets",
    ],
    [
      () => new ContainerService("s", { ...BASE, subnetIds: ["subnet-1"] }),
      "subnetIds",
      '["subnet-1"]',
      "a list of 2 to 16 entries",
      "a single subnet",
    ],
    [
      () => new ContainerService("s", { ...BASE, minCapacity: 4, maxCapacity: 2 }),
      "maxCapacity",
      "2",
      "an integer from 4 to 100",
      "maxCapacity below minCapacity",
    ],
  ]);
});
