// Every examples/aws-* program compiles (it is part of the build) and synthesizes; each result is checked
// for what the example is meant to show. Also guards the import rule of components/aws.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { GraphQuery, reveal, synth } from "../../testing";

const EXAMPLES = path.join(__dirname, "../../examples");

async function example(name: string): Promise<GraphQuery> {
  return new GraphQuery(await synth(path.join(EXAMPLES, name), { preview: false }));
}

const tagsOf = (q: GraphQuery, type: string, name: string): Record<string, string> =>
  reveal<Record<string, string>>(q.one(type, name).inputs.tags);

describe("aws examples", () => {
  it("every aws component has a -simple and a -complete example", () => {
    const dirs = fs
      .readdirSync(path.join(__dirname, "../../../examples"))
      .filter((d) => d.startsWith("aws-"))
      .sort();
    for (const c of [
      "bucket",
      "container-platform",
      "container-service",
      "encryption-key",
      "kubernetes-cluster",
      "network",
      "postgres-database",
    ]) {
      assert.ok(dirs.includes(`aws-${c}-simple`) && dirs.includes(`aws-${c}-complete`), c);
    }
  });

  it("aws-network-simple: a dev VPC over two zones with one NAT", async () => {
    const q = await example("aws-network-simple");
    assert.strictEqual(q.ofType("aws:ec2/subnet:Subnet").length, 6);
    assert.strictEqual(q.ofType("aws:ec2/natGateway:NatGateway").length, 1);
    assert.strictEqual((q.graph.outputs.privateSubnetIds as string[]).length, 2);
  });

  it("aws-network-complete: three zones, NAT per zone, the shared key, caller tags", async () => {
    const q = await example("aws-network-complete");
    assert.strictEqual(q.ofType("aws:ec2/natGateway:NatGateway").length, 3);
    assert.strictEqual(q.one("aws:ec2/vpc:Vpc", "core-vpc").inputs.cidrBlock, "10.40.0.0/16");
    assert.strictEqual(
      q.one("aws:cloudwatch/logGroup:LogGroup", "core-flow-logs").inputs.kmsKeyId,
      q.one("aws:kms/key:Key", "platform-logs-cmk").outputs.arn,
    );
    assert.strictEqual(q.ofType("groundwork:aws:EncryptionKey").length, 1);
    assert.strictEqual(tagsOf(q, "aws:ec2/vpc:Vpc", "core-vpc")["cost-center"], "platform");
    assert.strictEqual(q.one("aws:cloudwatch/logGroup:LogGroup", "core-flow-logs").protect, true);
  });

  it("aws-encryption-key-simple and -complete", async () => {
    const simple = await example("aws-encryption-key-simple");
    assert.strictEqual(simple.one("aws:kms/key:Key", "data-cmk").inputs.enableKeyRotation, true);
    const complete = await example("aws-encryption-key-complete");
    assert.strictEqual(complete.one("aws:kms/alias:Alias", "data-alias").inputs.name, "alias/customer-data");
    assert.strictEqual(complete.one("aws:kms/key:Key", "data-cmk").protect, true);
    const grant = JSON.parse(
      complete.one("aws:iam/policy:Policy", "data-grant-worker").inputs.policy as string,
    );
    assert.strictEqual(grant.Statement[0].Resource, complete.one("aws:kms/key:Key", "data-cmk").outputs.arn);
    const decrypt = complete.one("aws:iam/policy:Policy", "data-grant-auditor-decrypt");
    assert.strictEqual(
      complete.one(
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "data-grant-auditor-decrypt-attachment",
      ).inputs.role,
      "auditor",
      "the role name is taken from the ARN",
    );
    assert.deepStrictEqual(JSON.parse(decrypt.inputs.policy as string).Statement[0].Action, [
      "kms:Decrypt",
      "kms:DescribeKey",
    ]);
  });

  it("aws-bucket-simple: one hardened bucket, its key and log bucket", async () => {
    const q = await example("aws-bucket-simple");
    assert.strictEqual(q.ofType("aws:s3/bucket:Bucket").length, 2);
    assert.strictEqual(q.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").length, 2);
    assert.strictEqual(q.ofType("aws:kms/key:Key").length, 1);
  });

  it("aws-bucket-complete: fixed name, shared key, central log bucket, grants named from grantees", async () => {
    const q = await example("aws-bucket-complete");
    assert.strictEqual(q.one("aws:s3/bucket:Bucket", "reports-bucket").inputs.bucket, "acme-prod-reports");
    assert.strictEqual(
      q.one("aws:s3/bucketLogging:BucketLogging", "reports-logging").inputs.targetBucket,
      "acme-prod-access-logs",
    );
    assert.strictEqual(
      q.ofType("aws:s3/bucket:Bucket").length,
      1,
      "no log bucket is created when one is named",
    );
    assert.deepStrictEqual(
      q
        .ofType("aws:iam/policy:Policy")
        .map((r) => r.name)
        .sort(),
      ["reports-grant-ingest-read", "reports-grant-ingest-write", "reports-grant-report-reader-read"],
    );
  });

  it("aws-container-platform-simple: two services, one load balancer and one cluster", async () => {
    const q = await example("aws-container-platform-simple");
    assert.strictEqual(q.ofType("aws:lb/loadBalancer:LoadBalancer").length, 1);
    assert.strictEqual(q.ofType("aws:ecs/cluster:Cluster").length, 1);
    assert.deepStrictEqual(
      q.ofType("aws:lb/listenerRule:ListenerRule").map((r) => [r.name, r.inputs.priority]),
      [
        ["api-rule", 10],
        ["web-rule", 20],
      ],
    );
  });

  it("aws-container-platform-complete: internet-facing recorded weakened; a built image and the database key", async () => {
    const q = await example("aws-container-platform-complete");
    assert.strictEqual(q.one("aws:lb/loadBalancer:LoadBalancer", "edge-alb").inputs.internal, false);
    assert.match(
      tagsOf(q, "aws:lb/loadBalancer:LoadBalancer", "edge-alb")["groundwork-weakened"],
      /internetFacing/,
    );
    const [container] = JSON.parse(
      reveal<string>(
        q.one("aws:ecs/taskDefinition:TaskDefinition", "orders-task").inputs.containerDefinitions,
      ),
    );
    assert.match(container.image, /orders@sha256:/);
    const policy = JSON.parse(
      reveal<string>(q.one("aws:iam/rolePolicy:RolePolicy", "orders-execution-policy").inputs.policy),
    ) as { Statement: { Sid: string; Resource: unknown }[] };
    assert.deepStrictEqual(policy.Statement.find((s) => s.Sid === "DecryptSecrets")?.Resource, [
      q.one("aws:kms/key:Key", "orders-db-key-cmk").outputs.arn,
    ]);
  });

  it("aws-container-service-simple: internal ALB, private tasks", async () => {
    const q = await example("aws-container-service-simple");
    assert.strictEqual(q.one("aws:lb/loadBalancer:LoadBalancer", "api-alb").inputs.internal, true);
    const svc = q.one("aws:ecs/service:Service", "api-service");
    assert.strictEqual(
      (svc.inputs.networkConfiguration as { assignPublicIp: boolean }).assignPublicIp,
      false,
    );
  });

  it("aws-container-service-complete: internet-facing is recorded as weakened; digest-pinned image", async () => {
    const q = await example("aws-container-service-complete");
    const alb = q.one("aws:lb/loadBalancer:LoadBalancer", "web-alb");
    assert.strictEqual(alb.inputs.internal, false);
    assert.strictEqual(
      tagsOf(q, "aws:lb/loadBalancer:LoadBalancer", "web-alb")["groundwork-weakened"],
      "internetFacing",
    );
    assert.deepStrictEqual(q.graph.outputs.weakened, ["internetFacing"]);
    const [c] = JSON.parse(
      q.one("aws:ecs/taskDefinition:TaskDefinition", "web-task").inputs.containerDefinitions as string,
    );
    assert.match(c.image, /@sha256:[0-9a-f]{64}$/);
    assert.strictEqual(c.user, "20001:20001");
    assert.ok(q.ofType("aws:iam/policy:Policy").some((r) => r.name === "media-grant-web-read"));
  });

  it("aws-postgres-database-simple: isolated, no ingress", async () => {
    const q = await example("aws-postgres-database-simple");
    assert.strictEqual(
      q.one("aws:rds/instance:Instance", "orders-instance").inputs.publiclyAccessible,
      false,
    );
    assert.strictEqual(
      q
        .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .filter((r) => r.name.startsWith("orders-")).length,
      0,
    );
  });

  it("aws-postgres-database-complete: ingress only from the service's task group, opened after both exist", async () => {
    const q = await example("aws-postgres-database-complete");
    const sg = (name: string) => q.one("aws:ec2/securityGroup:SecurityGroup", name).urn;
    const ingress = q.one(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "orders-ingress-orders-api-5432",
    );
    assert.deepStrictEqual(ingress.propertyDependencies.referencedSecurityGroupId, [
      sg("orders-api-task-sg"),
    ]);
    assert.deepStrictEqual(ingress.propertyDependencies.securityGroupId, [sg("orders-sg")]);
    const egress = q.one(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "orders-peer-egress-orders-api-5432",
    );
    assert.deepStrictEqual(egress.propertyDependencies.securityGroupId, [sg("orders-api-task-sg")]);
    const [container] = JSON.parse(
      q.one("aws:ecs/taskDefinition:TaskDefinition", "orders-api-task").inputs.containerDefinitions as string,
    );
    // The service reads no secret: it logs in as its own user with IAM authentication.
    assert.deepStrictEqual(container.secrets, []);
    const connect = JSON.parse(
      q.one("aws:iam/policy:Policy", "orders-grant-orders-api-read-write").inputs.policy as string,
    );
    const db = q.one("aws:rds/instance:Instance", "orders-instance");
    assert.deepStrictEqual(connect.Statement[0].Action, ["rds-db:connect"]);
    assert.match(
      connect.Statement[0].Resource,
      /^arn:aws:rds-db:us-east-1:123456789012:dbuser:[^/]+\/orders_api$/,
    );
    assert.deepStrictEqual(
      [db.inputs.engineVersion, db.inputs.backupRetentionPeriod, db.protect],
      ["16", 35, true],
    );
  });

  it("aws-kubernetes-cluster-simple: a private dev cluster under the shared key, two zones of nodes", async () => {
    const q = await example("aws-kubernetes-cluster-simple");
    const cluster = q.one("aws:eks/cluster:Cluster", "apps-cluster").inputs;
    const keyArn = q.one("aws:kms/key:Key", "platform-cmk").outputs.arn;
    assert.strictEqual(
      reveal<{ endpointPublicAccess: boolean }>(cluster.vpcConfig).endpointPublicAccess,
      false,
    );
    assert.deepStrictEqual(cluster.encryptionConfig, { resources: ["secrets"], provider: { keyArn } });
    assert.strictEqual(
      (q.one("aws:eks/nodeGroup:NodeGroup", "apps-nodes").inputs.subnetIds as string[]).length,
      2,
    );
    assert.strictEqual(q.one("aws:eks/cluster:Cluster", "apps-cluster").protect, false);
  });

  it("aws-kubernetes-cluster-complete: prod, protected, workloads through its provider, the database open to its pods", async () => {
    const q = await example("aws-kubernetes-cluster-complete");
    assert.strictEqual(q.one("aws:eks/cluster:Cluster", "apps-cluster").protect, true);
    assert.strictEqual(q.one("aws:eks/cluster:Cluster", "apps-cluster").inputs.deletionProtection, true);
    assert.strictEqual(
      tagsOf(q, "aws:eks/cluster:Cluster", "apps-cluster")["groundwork-weakened"],
      "publicEndpoint",
    );
    const nodes = q.one("aws:eks/nodeGroup:NodeGroup", "apps-nodes");
    assert.strictEqual((nodes.inputs.subnetIds as string[]).length, 3);
    assert.deepStrictEqual(nodes.inputs.scalingConfig, { desiredSize: 3, minSize: 3, maxSize: 15 });
    assert.strictEqual(
      q.one("aws:ec2/launchTemplate:LaunchTemplate", "apps-nodes").inputs.instanceType,
      "m7i.xlarge",
    );
    assert.strictEqual(q.ofType("aws:eks/accessEntry:AccessEntry").length, 2);
    const provider = q.one("pulumi:providers:kubernetes", "apps");
    const k8s = q.graph.resources.filter((r) => r.type.startsWith("kubernetes:"));
    assert.ok(k8s.length > 5);
    for (const r of k8s) assert.ok(r.provider?.startsWith(provider.urn), `${r.urn} is not on the cluster`);
    q.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "orders-ingress-apps-5432");
  });

  it("no file under components/aws imports the @pulumi/aws root", () => {
    const dir = path.join(__dirname, "../../../components/aws");
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length >= 7 && files.some((f) => f.includes(path.sep)), "subfolders are read too");
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      assert.ok(
        !/(from\s+|require\(\s*|import\(\s*)["']@pulumi\/aws["']/.test(text),
        `${f} imports the @pulumi/aws root`,
      );
    }
  });
});
