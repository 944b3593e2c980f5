// The reference platform, per environment: what it builds, what it exports, that prod is protected, and
// that prod differs from dev by size and availability, never by a weaker security control.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assertFactsCover, assertUrnsLocked, platformGraph, ROOT } from "./platform";
import { parse } from "yaml";
import { synthProject } from "../../check/gate";
import { GraphQuery, GraphResource, reveal } from "../../engine/graph";
import { CreationOrder } from "../../engine/ordering";
import { resourceFacts } from "../../facts/resources";
import { awsLimit } from "../../components/aws";

/** Resource types that hold data or keys: losing one loses data. */
const STATEFUL = [
  "aws:s3/bucket:Bucket",
  "aws:kms/key:Key",
  "aws:rds/instance:Instance",
  "aws:cloudwatch/logGroup:LogGroup",
];

const inputs = (r: GraphResource): Record<string, unknown> => reveal<Record<string, unknown>>(r.inputs);

describe("stacks: the reference platform", function () {
  this.timeout(120_000);

  for (const stack of ["dev", "staging", "prod"]) {
    assertUrnsLocked(stack);
    assertFactsCover(stack);

    it(`${stack}: composes network, key, buckets, service, database, namespace and web service`, async () => {
      const q = new GraphQuery(await platformGraph(stack));
      const components = q.graph.resources
        .filter((r) => r.type.startsWith("groundwork:"))
        .map((r) => `${r.type}::${r.name}`);
      for (const expected of [
        "groundwork:aws:EncryptionKey::platform",
        "groundwork:aws:Network::core",
        "groundwork:aws:Bucket::assets",
        "groundwork:aws:Bucket::uploads",
        "groundwork:aws:ContainerService::api",
        "groundwork:aws:PostgresDatabase::app",
        "groundwork:aws:KubernetesCluster::platform",
        "groundwork:kubernetes:Namespace::storefront",
        "groundwork:kubernetes:WebService::web",
      ]) {
        assert.ok(components.includes(expected), `${stack} lacks ${expected}; has ${components.join(", ")}`);
      }
      // Every Kubernetes object goes to the stack's own EKS cluster, through its exec-credential provider,
      // never to the ambient default provider.
      const cluster = q.one("groundwork:aws:KubernetesCluster", "platform");
      const provider = q.one("pulumi:providers:kubernetes", "platform");
      assert.equal(provider.parent, cluster.urn);
      assert.ok(provider.dependencies.includes(q.one("aws:eks/nodeGroup:NodeGroup", "platform-nodes").urn));
      for (const r of q.graph.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
        assert.ok(r.provider?.startsWith(provider.urn), `${r.urn} does not use the cluster provider`);
      }
    });

    it(`${stack}: exports what an operator needs`, async () => {
      const g = await platformGraph(stack);
      for (const key of [
        "vpcId",
        "keyArn",
        "assetsBucket",
        "uploadsBucket",
        "apiUrl",
        "databaseEndpoint",
        "kubernetesNamespace",
        "webService",
        "clusterName",
        "clusterEndpoint",
      ]) {
        assert.ok(key in g.outputs, `${stack} does not export ${key}`);
      }
      assert.equal(g.outputs.environment, stack);
    });
  }

  it("the service logs in as its own IAM user (never the rotating master secret) and reaches the database on 5432, wired after both exist", async () => {
    const q = new GraphQuery((await synthProject(ROOT, "dev", true)).graph);
    const urn = (type: string, name: string): string => q.one(type, name).urn;
    const [dbSg, taskSg] = ["app-sg", "api-task-sg"].map((n) =>
      urn("aws:ec2/securityGroup:SecurityGroup", n),
    );
    const rules: [string, string, string, string][] = [
      ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "app-ingress-0", dbSg, taskSg],
      ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "app-peer-egress-0", taskSg, dbSg],
    ];
    for (const [type, name, group, peer] of rules) {
      const rule = q.one(type, name);
      assert.deepEqual(rule.propertyDependencies.securityGroupId, [group], name);
      assert.deepEqual(rule.propertyDependencies.referencedSecurityGroupId, [peer], name);
      assert.deepEqual(
        [rule.inputs.ipProtocol, rule.inputs.fromPort, rule.inputs.toPort],
        ["tcp", 5432, 5432],
      );
    }
    const db = q.one("aws:rds/instance:Instance", "app-instance");
    const managed = (db.outputs.masterUserSecrets as { secretArn: string }[])[0].secretArn;
    const [container] = JSON.parse(
      inputs(q.one("aws:ecs/taskDefinition:TaskDefinition", "api-task")).containerDefinitions as string,
    );
    // No secret reaches the task: RDS rotates the master secret every 7 days and ECS reads secrets at start.
    assert.deepEqual(container.secrets, []);
    assert.ok(!JSON.stringify(container).includes(managed));
    const env = Object.fromEntries(
      container.environment.map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    assert.equal(env.DATABASE_USER, "api");
    const execution = JSON.parse(
      inputs(q.one("aws:iam/rolePolicy:RolePolicy", "api-execution-policy")).policy as string,
    );
    assert.ok(!execution.Statement.some((st: { Sid: string }) => st.Sid === "ReadSecrets"));
    // The task role may connect as that user to this instance only, through a managed policy.
    const connect = JSON.parse(
      inputs(q.one("aws:iam/policy:Policy", "app-grant-api-read-write")).policy as string,
    );
    assert.deepEqual(
      connect.Statement.map((st: { Action: string[] }) => st.Action),
      [["rds-db:connect"]],
    );
    // The instance's resource id is the engine's to fabricate; the policy takes it from the instance.
    assert.match(connect.Statement[0].Resource, /^arn:aws:rds-db:eu-west-1:123456789012:dbuser:[^/]+\/api$/);
    assert.ok(
      q.one("aws:iam/policy:Policy", "app-grant-api-read-write").propertyDependencies.policy.includes(db.urn),
    );
    const attachment = q.one(
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "app-grant-api-read-write-attachment",
    );
    assert.deepEqual(attachment.propertyDependencies.role, [urn("aws:iam/role:Role", "api-task-role")]);
    assert.equal(inputs(db).iamDatabaseAuthenticationEnabled, true);
  });

  it("prod: every stateful resource is protected", async () => {
    const g = await platformGraph("prod");
    const stateful = g.resources.filter((r) => STATEFUL.includes(r.type));
    assert.ok(
      stateful.length >= 8,
      `expected the buckets, key, database and log groups; found ${stateful.length}`,
    );
    const unprotected = stateful.filter((r) => !r.protect).map((r) => r.urn);
    assert.deepEqual(unprotected, []);
    assert.equal(
      inputs(new GraphQuery(g).one("aws:rds/instance:Instance", "app-instance")).deletionProtection,
      true,
    );
  });

  it("dev: stateful resources are not protected (dev may be destroyed freely)", async () => {
    const g = await platformGraph("dev");
    assert.deepEqual(
      g.resources.filter((r) => STATEFUL.includes(r.type) && r.protect).map((r) => r.urn),
      [],
    );
  });

  it("prod is bigger and more available than dev", async () => {
    const dev = new GraphQuery(await platformGraph("dev"));
    const prod = new GraphQuery(await platformGraph("prod"));
    assert.equal(dev.ofType("aws:ec2/natGateway:NatGateway").length, 1);
    assert.equal(prod.ofType("aws:ec2/natGateway:NatGateway").length, 3);
    assert.equal(inputs(dev.one("aws:rds/instance:Instance", "app-instance")).multiAz, false);
    assert.equal(inputs(prod.one("aws:rds/instance:Instance", "app-instance")).multiAz, true);
    assert.equal(inputs(dev.one("aws:cloudwatch/logGroup:LogGroup", "api-logs")).retentionInDays, 30);
    assert.equal(inputs(prod.one("aws:cloudwatch/logGroup:LogGroup", "api-logs")).retentionInDays, 365);
  });

  it("prod is never weaker than dev: the security inputs of every shared resource are identical", async () => {
    // Inputs that carry a security control; a difference between dev and prod here is a weakened env.
    const SECURITY: Record<string, string[]> = {
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": [
        "blockPublicAcls",
        "blockPublicPolicy",
        "ignorePublicAcls",
        "restrictPublicBuckets",
      ],
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": ["rules"],
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls": ["rule"],
      "aws:s3/bucketVersioning:BucketVersioning": ["versioningConfiguration"],
      "aws:kms/key:Key": ["enableKeyRotation", "deletionWindowInDays"],
      "aws:rds/instance:Instance": [
        "publiclyAccessible",
        "storageEncrypted",
        "iamDatabaseAuthenticationEnabled",
        "manageMasterUserPassword",
      ],
      "aws:lb/listener:Listener": ["protocol", "sslPolicy", "defaultActions"],
      "aws:lb/loadBalancer:LoadBalancer": ["dropInvalidHeaderFields"],
      "aws:ec2/flowLog:FlowLog": ["trafficType"],
      "kubernetes:apps/v1:Deployment": ["spec"],
    };
    const dev = new GraphQuery(await platformGraph("dev"));
    const prod = new GraphQuery(await platformGraph("prod"));
    let compared = 0;
    for (const [type, keys] of Object.entries(SECURITY)) {
      for (const d of dev.ofType(type)) {
        const p = prod.graph.resources.find((r) => r.type === type && r.name === d.name);
        assert.ok(p, `prod lacks ${type} ${d.name}`);
        for (const key of keys) {
          let dv: unknown = inputs(d)[key];
          let pv: unknown = inputs(p)[key];
          if (type === "kubernetes:apps/v1:Deployment") {
            // Replicas and sizes differ by profile; the security contexts must not.
            const sizes = ["resources", "replicas", "sizeLimit"];
            const ctx = (v: unknown): string =>
              JSON.stringify(
                (v as { template: { spec: Record<string, unknown> } }).template.spec,
                (k, val) => (sizes.includes(k) ? undefined : val),
              );
            dv = ctx(dv);
            pv = ctx(pv);
          }
          assert.deepEqual(pv, dv, `${type} ${d.name}.${key} differs between dev and prod`);
          compared++;
        }
      }
    }
    assert.ok(compared > 20, `compared only ${compared} inputs`);
  });

  it("a broken stack file stops the program naming the file and the key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-stack-"));
    try {
      fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        fs
          .readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")
          .replace("main: stacks/", `main: ${path.join(ROOT, "stacks")}/`)
          .replace("stackConfigDir: stacks", "stackConfigDir: ."),
      );
      const good = fs.readFileSync(path.join(ROOT, "stacks/Pulumi.dev.yaml"), "utf8");
      fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        good.replace("    port: 8080\n    certificateArn", "    port: eighty\n    certificateArn"),
      );
      await assert.rejects(synthProject(dir, "dev"), (err: Error) => {
        assert.match(err.message, /stacks\/Pulumi\.dev\.yaml/);
        assert.match(err.message, /groundwork-platform:service\.port: .*expected number/);
        return true;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("before the first up on AWS: the README's checklist", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const checklist =
      /<!-- aws checklist: begin -->([\s\S]*?)<!-- aws checklist: end -->/.exec(readme)?.[1] ?? "";
    const stacks = ["dev", "staging", "prod"] as const;
    const config = (stack: string): Record<string, unknown> =>
      (
        parse(fs.readFileSync(path.join(ROOT, `stacks/Pulumi.${stack}.yaml`), "utf8")) as {
          config: Record<string, unknown>;
        }
      ).config;

    it("lists exactly the service-linked roles the AWS stacks' resources need (facts/aws identities)", async () => {
      const needed = new Set<string>();
      for (const stack of stacks)
        for (const r of (await platformGraph(stack)).resources)
          for (const id of resourceFacts(r.type)?.identities ?? []) needed.add(id.name.split(" ")[0]);
      const listed = new Set(checklist.match(/AWSServiceRoleFor\w+/g) ?? []);
      assert.deepEqual([...listed].sort(), [...needed].sort());
      assert.ok(needed.size >= 4);
    });

    it("states each stack's Elastic IPs as the stacks make them, within one account's quota per stack", async () => {
      const quota = awsLimit("ec2.elasticIpsPerRegion");
      assert.ok(checklist.includes(quota.quotaCode!), "the quota code is named");
      const byPlace = new Map<string, number>();
      for (const stack of stacks) {
        const eips = new GraphQuery(await platformGraph(stack)).ofType("aws:ec2/eip:Eip").length;
        assert.match(checklist, new RegExp(`${stack} ${eips}\\b`), `${stack} makes ${eips} Elastic IPs`);
        const c = config(stack);
        const place = `${JSON.stringify(c["aws:allowedAccountIds"])}/${String(c["aws:region"])}`;
        byPlace.set(place, (byPlace.get(place) ?? 0) + eips);
      }
      // One account per environment: no account and region holds more than its default quota.
      for (const [place, n] of byPlace)
        assert.ok(n <= quota.value, `${place} needs ${n} Elastic IPs, over ${quota.value}`);
      assert.equal(byPlace.size, stacks.length, "each environment in its own account");
    });
  });

  it("first deploy: logging, the ECS service and the flow log wait for the policies they need", async () => {
    const g = await platformGraph("dev");
    const q = new GraphQuery(g);
    const order = new CreationOrder(g);
    const waits = (type: string, name: string, otherType: string, other: string): void =>
      assert.ok(
        order.waitsFor(q.one(type, name).urn, q.one(otherType, other).urn),
        `${name} waits for ${other}`,
      );
    for (const b of ["assets", "uploads"])
      waits(
        "aws:s3/bucketLogging:BucketLogging",
        `${b}-logging`,
        "aws:s3/bucketPolicy:BucketPolicy",
        `${b}-logs-policy`,
      );
    waits("aws:ecs/service:Service", "api-service", "aws:iam/rolePolicy:RolePolicy", "api-execution-policy");
    waits(
      "aws:ec2/flowLog:FlowLog",
      "core-flow-log",
      "aws:iam/rolePolicy:RolePolicy",
      "core-flow-logs-policy",
    );
    waits(
      "aws:lb/loadBalancer:LoadBalancer",
      "api-alb",
      "aws:s3/bucketPolicy:BucketPolicy",
      "api-alb-logs-policy",
    );
  });
});
